/**
 * The payload encryption keys from the environment: PAYLOAD_ENCRYPTION_KEYS lists every key that
 * may decrypt (`<id>:<base64 of 32 bytes>`, comma-separated), PAYLOAD_ENCRYPTION_KEY_ID names the
 * one that encrypts (the first listed unless set). Messages name keys by ID, never by value.
 */
import { createHash } from 'node:crypto';
import { KEY_BYTES, Keyring } from './payload-encryption';

/** Known to every developer (and in the recorded test histories): fine on a laptop, refused in production. */
export const DEVELOPMENT_KEY_ID = 'development';
const DEVELOPMENT_KEY = createHash('sha256').update('oxygen-selfcare-payload-development-key').digest();

export function developmentKeyring(): Keyring {
  return new Keyring(new Map([[DEVELOPMENT_KEY_ID, DEVELOPMENT_KEY]]), DEVELOPMENT_KEY_ID);
}

/** Whether `keyring` is the published development key's (never in production: parseKeyring refuses it). */
export function isDevelopmentKeyring(keyring: Keyring): boolean {
  return keyring.key(DEVELOPMENT_KEY_ID)?.equals(DEVELOPMENT_KEY) ?? false;
}

export class KeyringSettingError extends Error {}

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function parseKeyring(list: string, currentKeyId?: string): Keyring {
  const keys = new Map<string, Buffer>();
  for (const entry of list
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const colon = entry.indexOf(':');
    const id = colon < 0 ? '' : entry.slice(0, colon);
    const value = colon < 0 ? '' : entry.slice(colon + 1);
    if (!KEY_ID.test(id)) {
      throw new KeyringSettingError(
        'PAYLOAD_ENCRYPTION_KEYS: each entry is <id>:<base64 key>, the id of letters, digits, ".", "_" or "-"',
      );
    }
    if (keys.has(id)) throw new KeyringSettingError(`PAYLOAD_ENCRYPTION_KEYS: key ${id} is listed twice`);
    const key = Buffer.from(value, 'base64');
    if (key.length !== KEY_BYTES || key.toString('base64').replace(/=+$/, '') !== value.replace(/=+$/, '')) {
      throw new KeyringSettingError(
        `PAYLOAD_ENCRYPTION_KEYS: key ${id} must be ${KEY_BYTES} bytes in base64 (openssl rand -base64 32)`,
      );
    }
    if (key.equals(DEVELOPMENT_KEY)) {
      throw new KeyringSettingError(`PAYLOAD_ENCRYPTION_KEYS: key ${id} is the published development key`);
    }
    keys.set(id, key);
  }
  const [first] = keys.keys();
  if (first === undefined) throw new KeyringSettingError('PAYLOAD_ENCRYPTION_KEYS: no key listed');
  const current = currentKeyId ?? first;
  if (!keys.has(current)) {
    throw new KeyringSettingError(
      `PAYLOAD_ENCRYPTION_KEY_ID: ${current} is not one of PAYLOAD_ENCRYPTION_KEYS`,
    );
  }
  return new Keyring(keys, current);
}
