/**
 * The failure converter of every client and worker, and of the workflow bundle (it runs inside the
 * workflow sandbox too, so this file imports nothing but the SDK): a failure's message and stack
 * trace go into its encoded attributes, a payload the encryption codec encrypts, instead of
 * plaintext fields of the history. Temporal keeps "Encoded failure" as the message.
 */
import { DefaultFailureConverter } from '@temporalio/common';

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
