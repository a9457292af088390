/**
 * The one data converter of every Temporal client and worker: the API's client, the worker (and
 * the client on its connection), the cluster's and the bench's processes, the test environments and
 * the replay test. Payloads are encrypted by the codec outside the workflow sandbox; the failure
 * converter runs inside it too, so the workflow bundle is built with the same file
 * (scripts/build-workflow-bundle.ts).
 */
import type { DataConverter } from '@temporalio/common';
import { developmentKeyring } from './encryption-keys';
import { EncryptionCodec, type Keyring } from './payload-encryption';

export const FAILURE_CONVERTER_PATH = require.resolve('./failure-converter');

export function dataConverterFor(keyring: Keyring): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(keyring)], failureConverterPath: FAILURE_CONVERTER_PATH };
}

/** What a process started without PAYLOAD_ENCRYPTION_KEYS outside production uses (tests, scripts). */
export function developmentDataConverter(): DataConverter {
  return dataConverterFor(developmentKeyring());
}
