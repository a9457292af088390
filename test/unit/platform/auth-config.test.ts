import { loadConfig } from '../../../platform/config';
import { PRODUCTION_ENV } from '../../fixtures/production-env';

const { AUTH_ISSUERS: _issuers, ...PRODUCTION } = PRODUCTION_ENV;
const ISSUER = {
  issuer: 'https://login.example.test/realms/selfcare',
  audience: 'selfcare-api',
  roles: ['customer'],
};

describe('identity settings', () => {
  it('trusts in production only the issuers configured, never the development provider', () => {
    const { auth } = loadConfig({ ...PRODUCTION, AUTH_ISSUERS: JSON.stringify([ISSUER]) });
    expect(auth.issuers).toEqual([
      expect.objectContaining({ ...ISSUER, algorithms: ['RS256'], jwksCooldownSeconds: 30 }),
    ]);
    expect(auth.development).toBeUndefined();
  });

  it('trusts in development the embedded provider with every role, beside the configured issuers', () => {
    const { auth } = loadConfig({ OIDC_PORT: '42006', AUTH_ISSUERS: JSON.stringify([ISSUER]) });
    expect(auth.issuers.map((i) => [i.issuer, i.roles])).toEqual([
      ['http://localhost:42006', ['customer', 'technician', 'cs', 'operator']],
      [ISSUER.issuer, ['customer']],
    ]);
    expect(auth.webClient).toEqual(
      expect.objectContaining({ authority: 'http://localhost:42006', clientId: 'selfcare-web' }),
    );
  });

  it.each([
    [
      { AUTH_JWT_SECRET: 'x'.repeat(40) },
      'AUTH_JWT_SECRET: shared-secret (HS256) tokens are no longer accepted',
    ],
    [{ AUTH_ISSUERS: 'not json' }, 'AUTH_ISSUERS: not JSON'],
    [
      { AUTH_ISSUERS: JSON.stringify([{ ...ISSUER, algorithms: ['HS256'] }]) },
      'AUTH_ISSUERS[0.algorithms.0]',
    ],
    [{ AUTH_ISSUERS: JSON.stringify([{ ...ISSUER, roles: ['admin'] }]) }, 'AUTH_ISSUERS[0.roles.0]'],
    [{ AUTH_ISSUERS: JSON.stringify([ISSUER, ISSUER]) }, 'is listed twice'],
    [
      { AUTH_ISSUERS: JSON.stringify([ISSUER]), STATEMENT_LINK_SECRET: 'short' },
      'STATEMENT_LINK_SECRET: at least 32',
    ],
    [
      { AUTH_ISSUERS: JSON.stringify([ISSUER]), MIDTRANS_SERVER_KEY: '' },
      'MIDTRANS_SERVER_KEY: required in production',
    ],
    [
      { AUTH_ISSUERS: JSON.stringify([ISSUER]), PAYMENT_METHODS: 'VA_BCA,GOPAY' },
      'PAYMENT_METHODS: a comma-separated list of VA_BCA, VA_BNI, VA_BRI, VA_PERMATA, VA_MANDIRI, QRIS (not GOPAY)',
    ],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig({ ...PRODUCTION, ...env })).toThrow(message);
  });

  it('talks to Midtrans: the sandbox unless MIDTRANS_API_BASE_URL says otherwise, every method unless PAYMENT_METHODS lists some; development runs the stand-in', () => {
    const production = loadConfig({ ...PRODUCTION, AUTH_ISSUERS: JSON.stringify([ISSUER]) });
    expect(production.payments).toEqual({
      midtrans: {
        baseUrl: 'https://api.sandbox.midtrans.com',
        serverKey: PRODUCTION.MIDTRANS_SERVER_KEY,
        standInPort: null,
      },
      methods: ['VA_BCA', 'VA_BNI', 'VA_BRI', 'VA_PERMATA', 'VA_MANDIRI', 'QRIS'],
    });
    const live = loadConfig({
      ...PRODUCTION,
      AUTH_ISSUERS: JSON.stringify([ISSUER]),
      MIDTRANS_API_BASE_URL: 'https://api.midtrans.com',
      PAYMENT_METHODS: 'QRIS, VA_BCA',
    });
    expect(live.payments).toMatchObject({
      midtrans: { baseUrl: 'https://api.midtrans.com' },
      methods: ['QRIS', 'VA_BCA'],
    });
    expect(loadConfig({}).payments.midtrans).toMatchObject({
      baseUrl: 'http://127.0.0.1:4010',
      standInPort: 4010,
    });
  });

  it('hands the standard TEMPORAL_* names to @temporalio/envconfig', () => {
    const { temporal } = loadConfig({ TEMPORAL_API_KEY: 'k', TEMPORAL_TLS_SERVER_NAME: 'x', OTHER: 'y' });
    expect(temporal.connectionEnv).toEqual({ TEMPORAL_API_KEY: 'k', TEMPORAL_TLS_SERVER_NAME: 'x' });
  });
});
