/**
 * AES-256-GCM encryption of every Temporal payload (workflow inputs and results, activity
 * arguments and results, signals, queries, memos, failures' messages and stack traces), so
 * Temporal's database, its backups and its Web UI hold ciphertext. Each encrypted payload names
 * the key that encrypted it (`encryption-key-id`), and the key ID is authenticated with the data:
 * the current key encrypts, any configured key decrypts (rotation, docs/security.md). A payload
 * without the encryption marker passes through unchanged with the development key (histories
 * recorded before encryption still replay and still read); with keys of our own (always in
 * production) it is refused: it decodes to an `Unverified` marker (contracts/unverified.ts), which
 * the workflows act on never, so a message sent to Temporal by anyone but our processes changes
 * nothing. Refusing by throwing would fail the workflow task on every attempt and wedge the run.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec, ValueError } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { UNVERIFIED } from '../contracts/unverified';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

/**
 * The configured keys. The key bytes live in a private field: logging the keyring (or the
 * configuration holding it) shows key IDs only.
 */
export class Keyring {
  readonly #keys: ReadonlyMap<string, Buffer>;
  readonly currentKeyId: string;

  constructor(keys: ReadonlyMap<string, Buffer>, currentKeyId: string) {
    for (const [id, key] of keys) {
      if (key.length !== KEY_BYTES) throw new Error(`encryption key ${id} must be ${KEY_BYTES} bytes`);
    }
    if (!keys.has(currentKeyId))
      throw new Error(`the current encryption key ${currentKeyId} is not configured`);
    this.#keys = keys;
    this.currentKeyId = currentKeyId;
  }

  get keyIds(): string[] {
    return [...this.#keys.keys()];
  }

  key(id: string): Buffer | undefined {
    return this.#keys.get(id);
  }

  toJSON() {
    return { currentKeyId: this.currentKeyId, keyIds: this.keyIds };
  }
}

/** The key ID is the additional authenticated data: relabelling a payload with another key fails. */
function aad(keyId: string): Buffer {
  return Buffer.from(`${ENCRYPTED_ENCODING}:${keyId}`, 'utf8');
}

export interface CodecOptions {
  /** Decode a payload that is not encrypted to an `Unverified` marker instead of passing it through. */
  refusePlaintext?: boolean;
}

/** The `Unverified` marker standing for a payload that did not come from our data converter. */
export function unverifiedPayload(payload: Payload): Payload {
  const encoding = Buffer.from(payload.metadata?.[METADATA_ENCODING_KEY] ?? new Uint8Array()).toString();
  let value: unknown = null;
  if (encoding === 'json/plain') {
    try {
      value = JSON.parse(Buffer.from(payload.data ?? new Uint8Array()).toString('utf8'));
    } catch {
      value = null;
    }
  }
  return {
    metadata: { [METADATA_ENCODING_KEY]: Buffer.from('json/plain') },
    data: Buffer.from(JSON.stringify({ [UNVERIFIED]: { encoding, value } })),
  };
}

export class EncryptionCodec implements PayloadCodec {
  private readonly refusePlaintext: boolean;

  constructor(
    private readonly keyring: Keyring,
    options: CodecOptions = {},
  ) {
    this.refusePlaintext = options.refusePlaintext ?? false;
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const keyId = this.keyring.currentKeyId;
    const key = this.keyring.key(keyId) as Buffer;
    return payloads.map((payload) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(aad(keyId));
      const plaintext = temporal.api.common.v1.Payload.encode(payload).finish();
      const data = Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
      return {
        metadata: {
          [METADATA_ENCODING_KEY]: Buffer.from(ENCRYPTED_ENCODING),
          [KEY_ID_METADATA]: Buffer.from(keyId),
        },
        data,
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
      if (!encoding || Buffer.from(encoding).toString() !== ENCRYPTED_ENCODING) {
        return this.refusePlaintext ? unverifiedPayload(payload) : payload;
      }
      const keyIdBytes = payload.metadata?.[KEY_ID_METADATA];
      if (!keyIdBytes) throw new ValueError('an encrypted payload carries no encryption-key-id');
      const keyId = Buffer.from(keyIdBytes).toString();
      const key = this.keyring.key(keyId);
      if (!key) {
        throw new ValueError(
          `payload encrypted with key "${keyId}", which is not configured (PAYLOAD_ENCRYPTION_KEYS has ${this.keyring.keyIds.map((id) => `"${id}"`).join(', ')})`,
        );
      }
      const data = Buffer.from(payload.data ?? new Uint8Array());
      if (data.length < IV_BYTES + TAG_BYTES)
        throw new ValueError(`encrypted payload (key "${keyId}") is truncated`);
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(aad(keyId));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      let plaintext: Buffer;
      try {
        plaintext = Buffer.concat([
          decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
          decipher.final(),
        ]);
      } catch {
        throw new ValueError(
          `encrypted payload (key "${keyId}") failed authentication: it was altered, or the key under that ID changed`,
        );
      }
      return temporal.api.common.v1.Payload.decode(plaintext);
    });
  }
}
