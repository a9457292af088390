/**
 * Production refuses what is only safe on a laptop (issue 31): a secret anyone who read the
 * repository knows, one value for two secrets, a development start on a public address, an issuer
 * reached over plain http, a technician issuer that vouches for any vendor. The published values
 * are read from the repository's own sources, so a new one cannot slip past the list.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as providerConstants from '../../../platform/auth/provider-constants';
import { loadConfig } from '../../../platform/config';
import * as secrets from '../../../platform/secrets';
import { SECRET_VARIABLES } from '../../../platform/secrets';
import { PRODUCTION_ENV } from '../../fixtures/production-env';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
/** A secret's name: …SECRET, …SECRET_PREVIOUS, …_KEY (not …_KEY_PATH). */
const SECRET_NAME = '[A-Z_]*(?:SECRET|_KEY)(?:_PREVIOUS)?';

/** Every value the repository publishes for a secret: code constants, compose fallbacks, doc examples. */
function publishedValues(): string[] {
  const constants = [secrets, providerConstants].flatMap((module) =>
    Object.entries(module)
      .filter(([name, value]) => /(SECRET|_KEY)$/.test(name) && typeof value === 'string')
      .map(([, value]) => value as string),
  );
  const documents = [
    'docker-compose.yml',
    'README.md',
    ...fs.readdirSync(path.join(ROOT, 'docs')).map((f) => `docs/${f}`),
  ].filter((f) => f.endsWith('.md') || f.endsWith('.yml'));
  const written = documents.flatMap((file) => {
    const text = read(file);
    return [
      // ${STATEMENT_LINK_SECRET:-a default}
      ...[...text.matchAll(new RegExp(`\\$\\{${SECRET_NAME}:-([^}]+)\\}`, 'g'))].map((m) => m[1]!),
      // STATEMENT_LINK_SECRET=an-example (a shell line or an .env file in the docs)
      ...[...text.matchAll(new RegExp(`\\b${SECRET_NAME}=([^\\s\`'"$]{8,})`, 'g'))].map((m) => m[1]!),
    ];
  });
  return [...new Set([...constants, ...secrets.DOCUMENTED_SECRET_EXAMPLES, ...written])];
}

const FRESH = {
  STATEMENT_LINK_SECRET: 'fresh-statement-link-secret-7f1c2d9a8b',
  MIDTRANS_SERVER_KEY: 'Mid-server-fresh-0a9e8d7c6b5a4f3e',
};

describe('published secrets in production', () => {
  const published = publishedValues();

  it('finds the development constants and the documented examples', () => {
    expect(published).toEqual(
      expect.arrayContaining([
        secrets.DEVELOPMENT_STATEMENT_LINK_SECRET,
        secrets.DEVELOPMENT_MIDTRANS_SERVER_KEY,
        'oxygen-selfcare-payment-gateway-development-secret',
        providerConstants.TEMPORAL_UI_CLIENT_SECRET,
        'change-me-in-production-the-gateway-secret',
      ]),
    );
  });

  it.each(SECRET_VARIABLES.flatMap((name) => published.map((value) => [name, value] as const)))(
    'refuses %s = %s, naming the variable',
    (name, value) => {
      expect(() => loadConfig({ ...PRODUCTION_ENV, ...FRESH, [name]: value })).toThrow(
        `${name}: its value is published in the repository`,
      );
    },
  );

  it.each([
    ['MIDTRANS_SERVER_KEY', 'STATEMENT_LINK_SECRET'],
    ['RESEND_API_KEY', 'STATEMENT_LINK_SECRET'],
  ] as const)('refuses %s reusing %s', (second, first) => {
    expect(() =>
      loadConfig({ ...PRODUCTION_ENV, ...FRESH, [second]: FRESH[first as keyof typeof FRESH] }),
    ).toThrow(`${second}: the same value as ${first}`);
  });

  it('starts with fresh values of their own', () => {
    expect(loadConfig({ ...PRODUCTION_ENV, ...FRESH }).payments.midtrans.serverKey).toBe(
      FRESH.MIDTRANS_SERVER_KEY,
    );
  });

  it('leaves development its published secrets', () => {
    expect(loadConfig({}).payments.midtrans.serverKey).toBe(secrets.DEVELOPMENT_MIDTRANS_SERVER_KEY);
  });
});

describe('development stays on the developer’s machine', () => {
  it.each(['0.0.0.0', '::', '192.168.1.20', 'selfcare.example.test'])(
    'refuses a development start on %s, naming NODE_ENV',
    (host) => {
      expect(() => loadConfig({ HOST: host })).toThrow(/NODE_ENV: development serves development routes/);
      expect(() => loadConfig({ NODE_ENV: 'test', HOST: host })).toThrow(/NODE_ENV: test/);
    },
  );

  it.each(['127.0.0.1', 'localhost', '::1'])('starts in development on %s', (host) => {
    expect(loadConfig({ HOST: host }).api.host).toBe(host);
  });

  it('lets production listen on every address', () => {
    expect(loadConfig({ ...PRODUCTION_ENV, HOST: '0.0.0.0' }).api.host).toBe('0.0.0.0');
  });
});

describe('issuers production trusts', () => {
  const issuer = {
    issuer: 'https://login.example.test/realms/x',
    audience: 'selfcare-api',
    roles: ['customer'],
  };
  const withIssuers = (issuers: object[]) => ({ ...PRODUCTION_ENV, AUTH_ISSUERS: JSON.stringify(issuers) });

  it.each([
    [{ ...issuer, issuer: 'http://login.example.test/realms/x' }, 'http://login.example.test/realms/x'],
    [{ ...issuer, jwksUri: 'http://login.example.test/certs' }, 'https://login.example.test/realms/x'],
  ])('refuses plain http, naming the issuer (%j)', (settings, named) => {
    expect(() => loadConfig(withIssuers([settings]))).toThrow(
      `AUTH_ISSUERS: issuer ${named} needs https URLs in production`,
    );
  });

  it('accepts http to this machine only', () => {
    const local = { ...issuer, issuer: 'http://127.0.0.1:4000' };
    expect(loadConfig(withIssuers([local])).auth.issuers[0]!.issuer).toBe(local.issuer);
  });

  it('refuses an issuer that may grant technician without its vendors, in any mode', () => {
    const portal = { ...issuer, roles: ['technician'] };
    for (const env of [withIssuers([portal]), { AUTH_ISSUERS: JSON.stringify([portal]) }])
      expect(() => loadConfig(env)).toThrow(
        `AUTH_ISSUERS: issuer ${issuer.issuer} may grant technician, so it must list its installer vendors`,
      );
    expect(loadConfig(withIssuers([{ ...portal, vendors: ['MISITEL'] }])).auth.issuers[0]!.vendors).toEqual([
      'MISITEL',
    ]);
  });

  it('lists the development provider’s vendors', () => {
    expect(loadConfig({ OIDC_PORT: '42007' }).auth.issuers[0]!.vendors).toEqual([
      ...providerConstants.DEVELOPMENT_VENDORS,
    ]);
  });
});
