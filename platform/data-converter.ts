/**
 * The one data converter of every Temporal client and worker: the API's client, the worker (and
 * the client on its connection), the cluster's and the bench's processes, the test environments and
 * the replay test. Payloads are encrypted by the codec outside the workflow sandbox; the failure
 * converter runs inside it too, so the workflow bundle is built with the same file
 * (scripts/build-workflow-bundle.ts).
 */
import type { DataConverter } from '@temporalio/common';
import { developmentKeyring, isDevelopmentKeyring } from './encryption-keys';
import { type CodecOptions, EncryptionCodec, type Keyring } from './payload-encryption';

export const FAILURE_CONVERTER_PATH = require.resolve('./failure-converter');

/**
 * With keys of our own (always in production) the codec refuses plaintext: a payload it did not
 * encrypt decodes to an `Unverified` marker the workflows never act on (platform/payload-encryption.ts).
 * With the development key it lets plaintext through.
 */
export function dataConverterFor(keyring: Keyring, options: CodecOptions = {}): DataConverter {
  const refusePlaintext = options.refusePlaintext ?? !isDevelopmentKeyring(keyring);
  return {
    payloadCodecs: [new EncryptionCodec(keyring, { refusePlaintext })],
    failureConverterPath: FAILURE_CONVERTER_PATH,
  };
}

/** What a process started without PAYLOAD_ENCRYPTION_KEYS outside production uses (tests, scripts). */
export function developmentDataConverter(): DataConverter {
  return dataConverterFor(developmentKeyring());
}
