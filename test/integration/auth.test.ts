/**
 * Who may call, proven over HTTP against the development OpenID provider (its tokens, its
 * sign-in) and issuers of the test's own with their own keys: a vendor portal that may grant
 * only `technician`, a Selfcare IdP whose claims need mapping, and one whose keys rotate.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { createApp } from '../../api/app';
import { createTokenVerifier, statementLink } from '../../platform/auth';
import { WEB_CLIENT_ID, WEB_CLIENT_SCOPE } from '../../platform/auth/provider-constants';
import { type AppConfig, loadConfig } from '../../platform/config';
import { createLogger } from '../../platform/logger';
import { deckBillRow } from '../fixtures/deck-bill';
import { PRODUCTION_ENV } from '../fixtures/production-env';
import { asCs, asCustomer, asOperator, asTechnician, developmentIssuer, trustingEnv } from '../helpers/auth';
import { startTestDatabase, type TestDatabase } from '../helpers/database';
import { http } from '../helpers/http';
import { PROJECT_ROOT } from '../support/harness';
import { type LocalIssuer, startLocalIssuer } from '../support/local-issuer';

let t: TestDatabase;
let server: Server;
let base: string;
let config: AppConfig;
let vendor: LocalIssuer;
let selfcareIdp: LocalIssuer;
let rotating: LocalIssuer;
let stranger: LocalIssuer;
const BILL = '202511712857';
const OTHER_BILL = '202511712858';
const VOIDED_BILL = '202511712859';
const AUDIENCE = 'selfcare-api';
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  t = await startTestDatabase({ seedDate: new Date('2025-11-21T03:00:00Z') });
  await t.db.bill.create({ data: deckBillRow({ billCode: BILL }) });
  await t.db.bill.create({ data: deckBillRow({ billCode: OTHER_BILL }) });
  await t.db.bill.create({
    data: { ...deckBillRow({ billCode: VOIDED_BILL }), status: 'VOID', voidedAt: new Date() },
  });
  vendor = await startLocalIssuer({ audience: AUDIENCE, roles: ['technician'] });
  selfcareIdp = await startLocalIssuer({
    audience: 'oxygen-selfcare',
    roles: ['customer'],
    alg: 'RS256',
    claims: { role: 'realm_access.roles', customerId: 'https://oxygen.id/customer_id', subject: 'sub' },
    roleValues: { 'selfcare-customer': 'customer' },
  });
  rotating = await startLocalIssuer({ audience: AUDIENCE, roles: ['technician'], jwksCooldownSeconds: 1 });
  stranger = await startLocalIssuer({ audience: AUDIENCE, roles: ['operator'] });
  config = loadConfig({
    NODE_ENV: 'test',
    ...(await trustingEnv()),
    // The vendor portal vouches for its own technicians only.
    AUTH_ISSUERS: JSON.stringify([
      { ...vendor.settings, vendors: ['MISITEL'] },
      selfcareIdp.settings,
      { ...rotating.settings, vendors: ['MISITEL'] },
    ]),
  });
  const app = createApp({ db: t.db, temporal: {} as never, config, logger: createLogger('silent') });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  for (const issuer of [vendor, selfcareIdp, rotating, stranger]) await issuer?.stop();
  await t?.teardown();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  http<Record<string, unknown>>(base, 'GET', path, { headers });
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const SUBSCRIPTION = '/v1/customers/21314849/subscription';
const TECHNICIAN_ROUTE = '/v1/work-orders/WO-21112025-2825386/available-slots';
const technicianClaims = { sub: 'vendor-user-77', roles: ['technician'] };

async function expectRefused(path: string, headers: Record<string, string>, status: number, detail: string) {
  const answer = await get(path, headers);
  expect([answer.status, answer.body.detail]).toEqual([status, detail]);
  expect(answer.contentType).toContain('application/problem+json');
  const challenge = answer.headers.get('www-authenticate') ?? '';
  expect(challenge).toContain('Bearer realm="oxygen-selfcare"');
  if (headers.Authorization?.startsWith('Bearer ')) {
    expect(challenge).toContain(`error="${status === 401 ? 'invalid_token' : 'insufficient_scope'}"`);
    expect(challenge).toContain('error_description="');
  }
}

/** A bearer token the technician route refuses as no valid token of ours (401), for `detail`. */
const expectTokenRefused = (token: string, detail: string) =>
  expectRefused(TECHNICIAN_ROUTE, bearer(token), 401, detail);

describe('authentication', () => {
  it.each([
    ['no token', {}, 'a bearer token is required'],
    [
      'a malformed header',
      { Authorization: 'Token abc' },
      'the Authorization header must be "Bearer <token>"',
    ],
    ['a token that is no JWT', { Authorization: 'Bearer abc' }, 'token invalid: not a JWT'],
  ])('answers 401 for %s', async (_case, headers, detail) => {
    await expectRefused(SUBSCRIPTION, headers as Record<string, string>, 401, detail);
  });

  it('accepts the development provider’s token, mapped to the customer ID it names', async () => {
    const answer = await get(SUBSCRIPTION, await asCustomer('21314849'));
    expect(answer.status).toBe(200);
    expect(answer.body.customerId).toBe('21314849');
  });

  it('accepts another issuer’s token for a role it may grant', async () => {
    const answer = await get(`${TECHNICIAN_ROUTE}?days=1`, bearer(await vendor.sign(technicianClaims)));
    expect(answer.status).not.toBe(401);
    expect(answer.status).not.toBe(403);
  });

  it('refuses an unknown issuer, even one with published keys', async () => {
    const token = await stranger.sign({ sub: 'ops-x', roles: ['operator'] });
    await expectRefused(
      '/v1/ops/upgrades',
      bearer(token),
      401,
      `token issuer "${stranger.issuer}" is not trusted`,
    );
  });

  it('refuses the vendor’s issuer claiming operator (403), and any role with it', async () => {
    for (const roles of [['operator'], ['technician', 'operator'], ['customer']]) {
      const token = await vendor.sign({ sub: 'vendor-user-77', roles, customer_id: '21314849' });
      const role = roles.includes('operator') ? 'operator' : 'customer';
      await expectRefused(
        '/v1/ops/upgrades',
        bearer(token),
        403,
        `issuer ${vendor.issuer} may not grant the role ${role}`,
      );
    }
  });

  it('scopes a technician to the vendor their token names, which their issuer must vouch for', async () => {
    const day = '/v1/technician/visits?date=2025-11-24';
    const own = await get(day, bearer(await vendor.sign({ ...technicianClaims, vendor: 'MISITEL' })));
    expect([own.status, own.body.vendor]).toEqual([200, 'MISITEL']);
    await expectRefused(
      day,
      bearer(await vendor.sign({ ...technicianClaims, vendor: 'ICONNET' })),
      403,
      `issuer ${vendor.issuer} may not vouch for technicians of ICONNET`,
    );
    const none = await get(day, bearer(await vendor.sign(technicianClaims)));
    expect([none.status, none.body.detail]).toEqual([
      403,
      'this technician token names no installer vendor (the vendor claim)',
    ]);
  });

  it('refuses a wrong audience, an expired token, a future nbf, and allows a minute of skew', async () => {
    const sign = (claims: Record<string, unknown>) => vendor.sign({ ...technicianClaims, ...claims });
    await expectTokenRefused(await sign({ aud: 'another-api' }), `token audience is not ${AUDIENCE}`);
    await expectTokenRefused(await sign({ exp: now() - 120 }), 'token expired');
    await expectTokenRefused(await sign({ nbf: now() + 300 }), 'token not valid yet (nbf)');
    const { exp: _exp, ...noExpiry } = { ...technicianClaims, exp: 0 };
    const withoutExp = await new SignJWT(noExpiry).setProtectedHeader({ alg: 'HS256' }).sign(randomBytes(32));
    expect((await get(TECHNICIAN_ROUTE, bearer(withoutExp))).status).toBe(401);
    const withinSkew = await get(
      `${TECHNICIAN_ROUTE}?days=1`,
      bearer(await sign({ exp: now() - 20, nbf: now() + 20 })),
    );
    expect(withinSkew.status).not.toBe(401);
  });

  it.each([
    ['Keycloak’s ID token (typ ID in the payload)', { typ: 'ID' }, { typ: 'JWT' }],
    ['an ID token with no typ at all (oidc-provider’s)', {}, { typ: undefined }],
    ['a typ JWT token that does not say Bearer', {}, { typ: 'JWT' }],
    ['an at+jwt token carrying a nonce', { nonce: 'n0nce' }, {}],
    ['an at+jwt token carrying at_hash', { at_hash: 'x' }, {}],
    ['a logout token', {}, { typ: 'logout+jwt' }],
  ])('refuses %s, though its audience is ours', async (_case, claims, header) => {
    const token = await vendor.sign({ ...technicianClaims, vendor: 'MISITEL', ...claims }, { header });
    await expectTokenRefused(
      token,
      'token is not an access token (an ID token or another kind: typ must be at+jwt, or Bearer in the payload)',
    );
  });

  it('accepts Keycloak’s access token (typ JWT, Bearer in the payload)', async () => {
    const token = await vendor.sign(
      { ...technicianClaims, vendor: 'MISITEL', typ: 'Bearer' },
      { header: { typ: 'JWT' } },
    );
    const answer = await get(`${TECHNICIAN_ROUTE}?days=1`, bearer(token));
    expect(answer.status).not.toBe(401);
  });

  it('answers a technician 404 for a work order of no vendor, as for another vendor’s', async () => {
    const woNumber = 'WO-21112025-0000001';
    await t.db.workOrder.create({
      data: {
        woNumber,
        customerId: '21314849',
        type: 'MAINTENANCE',
        status: 'REPLACING',
        packageLabel: 'no vendor',
        vendor: null,
        upgradeId: 'upgrade-21314849-no-vendor',
      },
    });
    const technician = bearer(await vendor.sign({ ...technicianClaims, vendor: 'MISITEL' }));
    for (const [method, path] of [
      ['GET', `/v1/technician/work-orders/${woNumber}`],
      ['GET', `/v1/work-orders/${woNumber}/available-slots?days=1`],
      ['POST', `/v1/technician/work-orders/${woNumber}/ont-replacement`],
    ] as const) {
      const answer = await http<Record<string, unknown>>(base, method, path, {
        headers: technician,
        ...(method === 'POST'
          ? { body: { newOntSerial: 'ZTEGD4B71C05', newOntModel: 'ZTE F670L', band: 'DUAL' } }
          : {}),
      });
      expect([method, path, answer.status]).toEqual([method, path, 404]);
    }
  });

  it('refuses alg none and HS256 signed with the issuer’s public key (algorithm confusion)', async () => {
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const claims = { iss: vendor.issuer, aud: AUDIENCE, exp: now() + 600, ...technicianClaims };
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    await expectTokenRefused(none, 'token algorithm not allowed for this issuer (only ES256)');
    const { keys } = (await (await fetch(vendor.jwksUri)).json()) as { keys: Record<string, string>[] };
    const publicJwk = keys[0]!;
    for (const secret of [JSON.stringify(publicJwk), publicJwk.x as string]) {
      const confused = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', kid: publicJwk.kid })
        .sign(new TextEncoder().encode(secret));
      await expectTokenRefused(confused, 'token algorithm not allowed for this issuer (only ES256)');
    }
  });

  it('maps an IdP’s own claims: the customer ID claim and a group for the role', async () => {
    const claims = (customerId: string | undefined) => ({
      sub: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
      realm_access: { roles: ['offline_access', 'selfcare-customer'] },
      ...(customerId ? { 'https://oxygen.id/customer_id': customerId } : {}),
    });
    const own = await get(SUBSCRIPTION, bearer(await selfcareIdp.sign(claims('21314849'))));
    expect([own.status, own.body.customerId]).toEqual([200, '21314849']);
    // Who the token is, as the web apps learn it: from the mapping, never from the IdP's claim names.
    const me = await get(
      '/v1/me',
      bearer(await selfcareIdp.sign({ ...claims('21314849'), name: 'Ahmad Tarmizi' })),
    );
    expect([me.status, me.body]).toEqual([
      200,
      {
        role: 'customer',
        customerId: '21314849',
        account: null,
        vendor: null,
        displayName: 'Ahmad Tarmizi',
        issuer: selfcareIdp.issuer,
      },
    ]);
    expect((await get(SUBSCRIPTION, bearer(await selfcareIdp.sign(claims('21301029'))))).status).toBe(404);
    await expectRefused(
      SUBSCRIPTION,
      bearer(await selfcareIdp.sign(claims(undefined))),
      401,
      'a customer token’s https://oxygen.id/customer_id must be the 8-digit customer ID',
    );
    const unmapped = await selfcareIdp.sign({ ...claims('21314849'), realm_access: { roles: ['customer'] } });
    // A genuine token of a person given no role of ours: 403 (insufficient_scope), which the web apps say in words.
    for (const path of [SUBSCRIPTION, '/v1/me']) {
      await expectRefused(
        path,
        bearer(unmapped),
        403,
        'token carries no role (customer, technician, cs or operator)',
      );
    }
  });

  it('rotates keys without a restart: the new kid is fetched once, the removed one is refused', async () => {
    const old = rotating.currentKid();
    const oldToken = await rotating.sign(technicianClaims);
    expect((await get(`${TECHNICIAN_ROUTE}?days=1`, bearer(oldToken))).status).not.toBe(401);
    const fetchesBefore = rotating.jwksFetches();

    const fresh = await rotating.addKey();
    rotating.removeKey(old);
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // past the issuer's 1 s cooldown
    const newToken = await rotating.sign(technicianClaims, { kid: fresh });
    expect((await get(`${TECHNICIAN_ROUTE}?days=1`, bearer(newToken))).status).not.toBe(401);
    expect(rotating.jwksFetches()).toBe(fetchesBefore + 1);

    await expectTokenRefused(oldToken, 'token signed with a key (kid) its issuer does not publish');
    // Within the cooldown, unknown kids do not make the API fetch again.
    const fetchesAfter = rotating.jwksFetches();
    for (let i = 0; i < 5; i++) {
      const forged = await rotating.sign(technicianClaims, { kid: fresh, header: { kid: `unknown-${i}` } });
      expect((await get(TECHNICIAN_ROUTE, bearer(forged))).status).toBe(401);
    }
    expect(rotating.jwksFetches()).toBeLessThanOrEqual(fetchesAfter + 1);
  });

  it('leaves /health and /openapi.json open', async () => {
    expect((await get('/openapi.json')).status).toBe(200);
  });
});

describe('the development provider', () => {
  it('signs a person in with authorization code + PKCE from its one-click page, in Bahasa Indonesia', async () => {
    const issuer = await developmentIssuer();
    const jar = new Map<string, string>();
    const go = async (url: string, init: RequestInit = {}) => {
      const answer = await fetch(new URL(url, issuer), {
        ...init,
        redirect: 'manual',
        headers: {
          ...(init.headers as Record<string, string>),
          cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        },
      });
      for (const cookie of answer.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const [name, value] = pair!.split('=');
        jar.set(name!, value!);
      }
      return answer;
    };
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const redirectUri = `${config.api.publicBaseUrl}/app/auth/callback`;
    const params = new URLSearchParams({
      client_id: WEB_CLIENT_ID,
      response_type: 'code',
      redirect_uri: redirectUri,
      scope: WEB_CLIENT_SCOPE,
      state: 'st4te',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const withoutPkce = new URLSearchParams(params);
    withoutPkce.delete('code_challenge');
    withoutPkce.delete('code_challenge_method');
    expect((await go(`/auth?${withoutPkce}`)).headers.get('location')).toContain('error=invalid_request');

    const start = await go(`/auth?${params}`);
    const interaction = start.headers.get('location')!;
    expect(interaction).toMatch(/^\/interaction\//);
    const page = await (await go(interaction)).text();
    expect(page).toContain('<html lang="id">');
    expect(page).toContain('AHMAD TARMIZI');
    expect(page).toContain('Rina Wulandari');

    let next = await go(`${interaction}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'account=customer%3A21314849',
    });
    while (!next.headers.get('location')!.startsWith(redirectUri))
      next = await go(next.headers.get('location')!);
    const callback = new URL(next.headers.get('location')!);
    expect(callback.searchParams.get('state')).toBe('st4te');

    const tokens = await fetch(`${issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: callback.searchParams.get('code')!,
        redirect_uri: redirectUri,
        client_id: WEB_CLIENT_ID,
        code_verifier: verifier,
      }),
    });
    const { access_token: accessToken, id_token: idToken } = (await tokens.json()) as Record<string, string>;
    expect(JSON.parse(Buffer.from(idToken!.split('.')[1]!, 'base64url').toString())).toMatchObject({
      name: 'AHMAD TARMIZI',
      customer_id: '21314849',
    });
    const answer = await get(SUBSCRIPTION, bearer(accessToken!));
    expect([answer.status, answer.body.customerId]).toEqual([200, '21314849']);
    // Its ID token is no access token, even for an API whose audience were the web app's client.
    const development = config.auth.issuers.find((i) => i.issuer === config.auth.development!.issuer)!;
    const lenient = createTokenVerifier([{ ...development, audience: WEB_CLIENT_ID }]);
    await expect(lenient.verify(idToken!)).rejects.toThrow('token is not an access token');
  });

  it('tells the web app where to sign in', () => {
    expect(config.auth.webClient).toEqual({
      authority: config.auth.development!.issuer,
      clientId: 'selfcare-web',
      scope: WEB_CLIENT_SCOPE,
    });
  });
});

describe('who may do what', () => {
  it('answers 404, never the data, when a customer reaches for another customer', async () => {
    for (const path of [
      '/v1/customers/21301029/subscription',
      '/v1/customers/21301029/payments',
      '/v1/customers/21301029/bills',
      '/v1/customers/21301029/inbox',
    ]) {
      const answer = await get(path, await asCustomer('21314849'));
      expect([path, answer.status]).toEqual([path, 404]);
      expect(JSON.stringify(answer.body)).not.toContain('FACHRI');
    }
    expect((await get(`/v1/bills/${BILL}`, await asCustomer('21301029'))).status).toBe(404);
    expect((await get(`/v1/bills/${BILL}`, await asCustomer('21314849'))).status).toBe(200);
  });

  it('keeps technicians to the technician API, CS agents to reading a customer, operators to the ops views', async () => {
    expect((await get(SUBSCRIPTION, await asTechnician())).status).toBe(403);
    expect((await get('/v1/ops/tickets?customerId=21314849', await asCustomer('21314849'))).status).toBe(403);
    expect((await get('/v1/ops/tickets?customerId=21314849', await asOperator())).status).toBe(200);
    expect((await get('/v1/ops/tickets?customerId=21314849', await asCs())).status).toBe(403);
    expect((await get(SUBSCRIPTION, await asCs())).status).toBe(200);
    expect((await get(SUBSCRIPTION, await asOperator())).status).toBe(403);
    for (const headers of [await asCs(), await asOperator()]) {
      const act = await http(base, 'POST', '/v1/customers/21314849/upgrade-quotes', {
        body: { targetPackageCode: 'STREAM-150-SEM' },
        headers,
      });
      expect(act.status).toBe(403);
    }
    const technicianAct = await http(
      base,
      'POST',
      '/v1/technician/work-orders/WO-21112025-2825386/ont-replacement',
      {
        body: { newOntSerial: 'ZTEGD4B71C05', newOntModel: 'ZTE F670L', band: 'DUAL' },
        headers: await asCustomer('21314849'),
      },
    );
    expect(technicianAct.status).toBe(403);
  });

  it('opens the statement from the email link without logging in, and nothing else with that token', async () => {
    const bill = await t.db.bill.findUniqueOrThrow({ where: { billCode: BILL } });
    const link = new URL(await statementLink(base, config.auth.statementLinks, bill));
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('771.700');
    const token = link.searchParams.get('access_token')!;
    await expectRefused(
      `/v1/bills/${BILL}`,
      bearer(token),
      401,
      'token issuer "oxygen-selfcare-api" is not trusted',
    );
    expect((await get(`/v1/customers/21314849/bills?access_token=${token}`)).status).toBe(403);
    const another = await get(`/v1/bills/${OTHER_BILL}/statement?access_token=${token}`);
    expect([another.status, another.body.detail]).toEqual([
      403,
      'this link token opens only the resource it was issued for',
    ]);
    const { Authorization } = await asCustomer('21314849');
    const plain = Authorization!.slice('Bearer '.length);
    await expectRefused(
      `/v1/bills/${BILL}/statement?access_token=${plain}`,
      {},
      401,
      'not a statement link of this service',
    );
  });

  it('refuses the link once its bill is voided, and after its lifetime', async () => {
    const voided = await t.db.bill.findUniqueOrThrow({ where: { billCode: VOIDED_BILL } });
    const link = new URL(await statementLink(base, config.auth.statementLinks, voided));
    const answer = await get(`${link.pathname}${link.search}`);
    expect([answer.status, answer.body.detail]).toEqual([
      403,
      'the bill was voided: its statement link no longer opens',
    ]);

    const bill = await t.db.bill.findUniqueOrThrow({ where: { billCode: BILL } });
    const lifetime = config.auth.statementLinks.marginDays * 86_400_000;
    const old = new URL(
      await statementLink(
        base,
        config.auth.statementLinks,
        bill,
        new Date(Date.now() - lifetime - 3_600_000),
      ),
    );
    await expectRefused(`${old.pathname}${old.search}`, {}, 401, 'this statement link has expired');
  });

  it('sends security headers', async () => {
    const answer = await get('/v1/packages', await asCustomer('21314849'));
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('x-powered-by')).toBeNull();
  });
});

describe('a production start', () => {
  const { AUTH_ISSUERS: _issuers, ...withoutIssuers } = PRODUCTION_ENV;
  it('refuses the old shared secret alone and says why', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
      cwd: PROJECT_ROOT,
      env: {
        PATH: process.env.PATH,
        ...withoutIssuers,
        AUTH_JWT_SECRET: 'a-production-secret-of-at-least-32-chars',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('AUTH_JWT_SECRET: shared-secret (HS256) tokens are no longer accepted');
    expect(run.stderr).toContain('set AUTH_ISSUERS');
  });

  it('refuses to start without issuers', () => {
    expect(() => loadConfig(withoutIssuers)).toThrow('AUTH_ISSUERS: required in production');
  });
});
