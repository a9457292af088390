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
      ['http://localhost:42006', ['customer', 'technician', 'operator']],
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
      { AUTH_ISSUERS: JSON.stringify([ISSUER]), PAYMENT_WEBHOOK_SECRET_PREVIOUS: 'short' },
      'PAYMENT_WEBHOOK_SECRET_PREVIOUS',
    ],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig({ ...PRODUCTION, ...env })).toThrow(message);
  });

  it('keeps the previous gateway secret during a rotation', () => {
    const previous = 'last-months-gateway-secret-of-32-chars';
    const { payments } = loadConfig({
      ...PRODUCTION,
      AUTH_ISSUERS: JSON.stringify([ISSUER]),
      PAYMENT_WEBHOOK_SECRET_PREVIOUS: previous,
    });
    expect(payments).toEqual({
      webhookSecret: PRODUCTION.PAYMENT_WEBHOOK_SECRET,
      previousWebhookSecret: previous,
    });
  });

  it('hands the standard TEMPORAL_* names to @temporalio/envconfig', () => {
    const { temporal } = loadConfig({ TEMPORAL_API_KEY: 'k', TEMPORAL_TLS_SERVER_NAME: 'x', OTHER: 'y' });
    expect(temporal.connectionEnv).toEqual({ TEMPORAL_API_KEY: 'k', TEMPORAL_TLS_SERVER_NAME: 'x' });
  });
});
