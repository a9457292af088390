import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../platform/config';
import { temporalConnectionOptions } from '../../../platform/temporal-connection';

const optionsOf = (env: Record<string, string>) =>
  temporalConnectionOptions(loadConfig({ TEMPORAL_NAMESPACE: 'my-ns.a1b2c', ...env }).temporal, 'host:7233');

describe('Temporal connection from the standard environment names', () => {
  it('connects in plain text to a self-hosted cluster or the dev server', () => {
    expect(optionsOf({})).toEqual({ address: 'host:7233', tls: undefined, apiKey: undefined, metadata: {} });
  });

  it('uses TLS and the namespace header with a Temporal Cloud API key', () => {
    expect(optionsOf({ TEMPORAL_API_KEY: 'secret-key' })).toEqual({
      address: 'host:7233',
      tls: true,
      apiKey: 'secret-key',
      metadata: { 'temporal-namespace': 'my-ns.a1b2c' },
    });
  });

  it('reads the mTLS client certificate and key from TEMPORAL_TLS_CLIENT_*_PATH', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-'));
    fs.writeFileSync(path.join(dir, 'client.pem'), 'CERT');
    fs.writeFileSync(path.join(dir, 'client.key'), 'KEY');
    const { tls } = optionsOf({
      TEMPORAL_TLS_CLIENT_CERT_PATH: path.join(dir, 'client.pem'),
      TEMPORAL_TLS_CLIENT_KEY_PATH: path.join(dir, 'client.key'),
      TEMPORAL_TLS_SERVER_NAME: 'frontend.internal',
    });
    expect(tls).toEqual(
      expect.objectContaining({
        serverNameOverride: 'frontend.internal',
        clientCertPair: { crt: Buffer.from('CERT'), key: Buffer.from('KEY') },
      }),
    );
    fs.rmSync(dir, { recursive: true });
  });
});
