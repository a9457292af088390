import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, METADATA_ENCODING_KEY, type Payload, ValueError } from '@temporalio/common';
import { isUnverified, UNVERIFIED } from '../../../contracts/unverified';
import { loadConfig } from '../../../platform/config';
import { DEVELOPMENT_KEY_ID, developmentKeyring, parseKeyring } from '../../../platform/encryption-keys';
import { EncryptionCodec, KEY_ID_METADATA } from '../../../platform/payload-encryption';
import { PRODUCTION_ENV } from '../../fixtures/production-env';

const plan = { customerId: '21314849', customerName: 'AHMAD TARMIZI', ontSerial: 'ZTEGC1F09A33' };
const payloadOf = (value: unknown) => defaultPayloadConverter.toPayload(value) as Payload;
const plainOf = (payload: Payload) => defaultPayloadConverter.fromPayload(payload);
const key = () => randomBytes(32).toString('base64');
const text = (payload: Payload) =>
  Buffer.concat([
    Buffer.from(payload.data ?? []),
    ...Object.values(payload.metadata ?? {}).map((v) => Buffer.from(v ?? [])),
  ]).toString('latin1');

describe('EncryptionCodec', () => {
  const codec = new EncryptionCodec(developmentKeyring());

  it('round-trips a payload, and what it stores holds none of the plaintext', async () => {
    const [encrypted] = await codec.encode([payloadOf(plan)]);
    expect(Buffer.from(encrypted!.metadata![METADATA_ENCODING_KEY]!).toString()).toBe('binary/encrypted');
    expect(Buffer.from(encrypted!.metadata![KEY_ID_METADATA]!).toString()).toBe(DEVELOPMENT_KEY_ID);
    expect(text(encrypted!)).not.toContain('AHMAD TARMIZI');
    expect(text(encrypted!)).not.toContain('json/plain');
    const [decoded] = await codec.decode([encrypted!]);
    expect(plainOf(decoded!)).toEqual(plan);
  });

  it('encrypts the same payload differently each time (a fresh IV)', async () => {
    const [a, b] = await codec.encode([payloadOf(plan), payloadOf(plan)]);
    expect(Buffer.from(a!.data!).equals(Buffer.from(b!.data!))).toBe(false);
  });

  it('refuses a tampered ciphertext', async () => {
    const [encrypted] = await codec.encode([payloadOf(plan)]);
    const data = Buffer.from(encrypted!.data!);
    data[20] = (data[20] ?? 0) ^ 1;
    await expect(codec.decode([{ ...encrypted!, data }])).rejects.toThrow(
      /failed authentication: it was altered/,
    );
  });

  it('refuses a payload relabelled with another configured key ID (the ID is authenticated)', async () => {
    const keyring = parseKeyring(`a:${key()},b:${key()}`);
    const both = new EncryptionCodec(keyring);
    const [encrypted] = await both.encode([payloadOf(plan)]);
    const relabelled = {
      ...encrypted!,
      metadata: { ...encrypted!.metadata, [KEY_ID_METADATA]: Buffer.from('b') },
    };
    await expect(both.decode([relabelled])).rejects.toThrow(/key "b"\) failed authentication/);
  });

  it('refuses a payload of an unknown key ID, naming it and the configured ones', async () => {
    const other = new EncryptionCodec(parseKeyring(`2026-01:${key()}`));
    const [encrypted] = await other.encode([payloadOf(plan)]);
    const attempt = codec.decode([encrypted!]);
    await expect(attempt).rejects.toThrow(ValueError);
    await expect(codec.decode([encrypted!])).rejects.toThrow(
      'payload encrypted with key "2026-01", which is not configured (PAYLOAD_ENCRYPTION_KEYS has "development")',
    );
  });

  it('rotates: the current key encrypts, every configured key decrypts', async () => {
    const [oldKey, newKey] = [key(), key()];
    const before = new EncryptionCodec(parseKeyring(`2025-11:${oldKey}`));
    const [old] = await before.encode([payloadOf(plan)]);
    // The new key listed first is the current one; the old one stays for the histories it wrote.
    const after = new EncryptionCodec(parseKeyring(`2026-05:${newKey},2025-11:${oldKey}`));
    const [fresh] = await after.encode([payloadOf(plan)]);
    expect(Buffer.from(fresh!.metadata![KEY_ID_METADATA]!).toString()).toBe('2026-05');
    expect((await after.decode([old!, fresh!])).map(plainOf)).toEqual([plan, plan]);
    // PAYLOAD_ENCRYPTION_KEY_ID picks another current key without reordering the list.
    const explicit = new EncryptionCodec(parseKeyring(`2025-11:${oldKey},2026-05:${newKey}`, '2026-05'));
    const [picked] = await explicit.encode([payloadOf(plan)]);
    expect(Buffer.from(picked!.metadata![KEY_ID_METADATA]!).toString()).toBe('2026-05');
    // Once the old key is dropped, its payloads no longer decode.
    await expect(new EncryptionCodec(parseKeyring(`2026-05:${newKey}`)).decode([old!])).rejects.toThrow(
      /key "2025-11", which is not configured/,
    );
  });

  it('lets a payload without the encryption marker through unchanged (histories from before)', async () => {
    const plain = payloadOf(plan);
    const [decoded] = await codec.decode([plain]);
    expect(decoded).toBe(plain);
    expect(plainOf(decoded!)).toEqual(plan);
  });

  describe('refusing plaintext (keys of our own, always in production)', () => {
    const strict = new EncryptionCodec(parseKeyring(`prod-1:${key()}`), { refusePlaintext: true });

    it('decodes a payload it did not encrypt to the Unverified marker, never to the value itself', async () => {
      const report = { workOrderNumber: 'WO-1', newOntSerial: 'X' };
      const [decoded] = await strict.decode([payloadOf(report)]);
      expect(plainOf(decoded!)).toEqual({ [UNVERIFIED]: { encoding: 'json/plain', value: report } });
      expect(isUnverified(plainOf(decoded!))).toBe(true);
    });

    it('marks what the payload converter could not read too (no JSON, another encoding): no throw, no wedged run', async () => {
      const broken: Payload = {
        metadata: { [METADATA_ENCODING_KEY]: Buffer.from('json/plain') },
        data: Buffer.from('{'),
      };
      const binary: Payload = {
        metadata: { [METADATA_ENCODING_KEY]: Buffer.from('binary/plain') },
        data: Buffer.from([1]),
      };
      const [a, b] = await strict.decode([broken, binary]);
      expect(plainOf(a!)).toEqual({ [UNVERIFIED]: { encoding: 'json/plain', value: null } });
      expect(plainOf(b!)).toEqual({ [UNVERIFIED]: { encoding: 'binary/plain', value: null } });
    });

    it('still decrypts what it encrypted', async () => {
      const [decoded] = await strict.decode(await strict.encode([payloadOf(plan)]));
      expect(plainOf(decoded!)).toEqual(plan);
    });
  });
});

describe('payload encryption settings', () => {
  it('use the development key outside production', () => {
    const { encryption } = loadConfig({});
    expect(encryption.isDevelopmentKey).toBe(true);
    expect(encryption.keyring.keyIds).toEqual([DEVELOPMENT_KEY_ID]);
  });

  it('are required in production, with a sentence naming the setting', () => {
    const { PAYLOAD_ENCRYPTION_KEYS: _required, ...production } = PRODUCTION_ENV;
    expect(() => loadConfig(production)).toThrow(/PAYLOAD_ENCRYPTION_KEYS: required in production/);
    const keys = `prod-1:${key()}`;
    expect(loadConfig({ ...production, PAYLOAD_ENCRYPTION_KEYS: keys }).encryption.keyring.currentKeyId).toBe(
      'prod-1',
    );
  });

  it.each([
    ['a key of 16 bytes', `k:${randomBytes(16).toString('base64')}`, /key k must be 32 bytes in base64/],
    ['no id', key(), /each entry is <id>:<base64 key>/],
    ['the same id twice', `k:${key()},k:${key()}`, /key k is listed twice/],
    [
      'the development key',
      `dev:${developmentKeyring().key(DEVELOPMENT_KEY_ID)!.toString('base64')}`,
      /published development key/,
    ],
  ])('refuse %s', (_what, value, why) => {
    expect(() => loadConfig({ PAYLOAD_ENCRYPTION_KEYS: value })).toThrow(why);
  });

  it('refuse a current key ID that is not listed', () => {
    expect(() =>
      loadConfig({ PAYLOAD_ENCRYPTION_KEYS: `a:${key()}`, PAYLOAD_ENCRYPTION_KEY_ID: 'b' }),
    ).toThrow('PAYLOAD_ENCRYPTION_KEY_ID: b is not one of PAYLOAD_ENCRYPTION_KEYS');
  });

  it('never show a key: neither in an error nor when the configuration is logged', () => {
    const secret = key();
    const config = loadConfig({ PAYLOAD_ENCRYPTION_KEYS: `k1:${secret}` });
    expect(JSON.stringify(config)).not.toContain(secret);
    expect(JSON.stringify(config.encryption)).toBe(
      '{"keyring":{"currentKeyId":"k1","keyIds":["k1"]},"isDevelopmentKey":false}',
    );
    const short = randomBytes(16).toString('base64');
    expect(() => loadConfig({ PAYLOAD_ENCRYPTION_KEYS: `k1:${short}` })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(short) }),
    );
  });
});

describe('codec server settings', () => {
  it('need no token on loopback outside production, and an operator token in production', () => {
    expect(loadConfig({}).codec).toEqual({
      port: 8234,
      host: '127.0.0.1',
      auth: 'none',
      allowedOrigins: ['http://localhost:8233', 'http://127.0.0.1:8233'],
    });
    const production = loadConfig({
      ...PRODUCTION_ENV,
      TEMPORAL_UI_URL: 'https://temporal.oxygen.id/namespaces/default',
    });
    expect(production.codec).toMatchObject({
      auth: 'operator',
      allowedOrigins: ['https://temporal.oxygen.id'],
    });
  });

  it('refuse to decrypt for anyone beyond loopback, and no token in production', () => {
    expect(() => loadConfig({ CODEC_HOST: '0.0.0.0' })).toThrow(/CODEC_HOST must be a loopback address/);
    expect(loadConfig({ CODEC_HOST: '0.0.0.0', CODEC_AUTH: 'operator' }).codec.auth).toBe('operator');
    expect(() =>
      loadConfig({
        ...PRODUCTION_ENV,
        CODEC_AUTH: 'none',
      }),
    ).toThrow(/CODEC_AUTH: none is for development/);
  });
});
