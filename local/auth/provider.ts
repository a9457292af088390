/**
 * The development OpenID provider (`oidc-provider`, certified): what `npm start` runs on
 * OIDC_PORT so the API verifies tokens exactly as it would an ISP's IdP. Authorization code +
 * PKCE for the web apps (`selfcare-web`), the standalone Temporal Web UI's confidential client
 * (`temporal-ui`, operators only), a one-click sign-in page of the seeded people, and a
 * development-only grant that `mintDevelopmentToken` uses. Never started in production.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, {
  type ClientMetadata,
  type Configuration,
  errors,
  interactionPolicy,
  type KoaContextWithOIDC,
} from 'oidc-provider';
import { ROLES, type Role } from '../../platform/auth/principal';
import {
  API_RESOURCE,
  API_SCOPE,
  DEVELOPMENT_TOKEN_GRANT,
  DEVELOPMENT_TOOLS_CLIENT_ID,
  DEVELOPMENT_TOOLS_CLIENT_SECRET,
  TEMPORAL_UI_CLIENT_ID,
  TEMPORAL_UI_CLIENT_SECRET,
  temporalUiCallbackUrl,
  WEB_CLIENT_ID,
  WEB_CLIENT_SCOPE,
} from '../../platform/auth/provider-constants';
import { renderLoginPage } from './login-page';
import { accountIdOf, claimsOf, personOf, SEEDED_PEOPLE, subjectFits, vendorFits } from './people';
import { SessionStore } from './session-store';

export interface DevelopmentProviderOptions {
  port: number;
  host?: string;
  /** The issuer URL (tokens' `iss`); the provider answers there. */
  issuer: string;
  /** The API's audience: every access token is for it. */
  audience: string;
  /** Base of the web app's redirect URIs (`<base>/app/auth/callback`). */
  publicBaseUrl: string;
  /** The standalone Temporal Web UI (`npm run cluster`): its operators sign in here. Absent: no UI client. */
  temporalUiUrl?: string;
  /** Keeps the signing key across restarts (tokens stay valid); absent: a new key each start. */
  dataDir?: string;
  /** Access tokens' lifetime (default an hour); the web apps renew them with their refresh token. */
  accessTokenSeconds?: number;
}

export interface RunningProvider {
  issuer: string;
  stop(): Promise<void>;
}

export async function startDevelopmentProvider(
  options: DevelopmentProviderOptions,
): Promise<RunningProvider> {
  const provider = new Provider(options.issuer, await configuration(options));
  provider.use(interactions(provider));
  registerDevelopmentGrant(provider, options.audience);
  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  return {
    issuer: options.issuer,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The app's base as typed: `localhost` and `127.0.0.1` are the same machine, so a sign-in works from either. */
export function sameMachineBases(base: string): string[] {
  const url = new URL(base);
  const other = { localhost: '127.0.0.1', '127.0.0.1': 'localhost' }[url.hostname];
  if (!other) return [base];
  const alias = new URL(base);
  alias.hostname = other;
  return [base, alias.toString().replace(/\/+$/, '')];
}

async function configuration(options: DevelopmentProviderOptions): Promise<Configuration> {
  const { signingKey, cookieKeys } = await keys(options.dataDir);
  const base = options.publicBaseUrl.replace(/\/+$/, '');
  const accessTokenSeconds = options.accessTokenSeconds ?? 3600;
  return {
    adapter: SessionStore,
    clients: [
      {
        client_id: WEB_CLIENT_ID,
        client_name: 'Oxygen.id Selfcare',
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: sameMachineBases(base).flatMap((b) => [
          `${b}/app/auth/callback`,
          `${b}/app/auth/silent`,
        ]),
        post_logout_redirect_uris: sameMachineBases(base).map((b) => `${b}/app/`),
      },
      {
        client_id: DEVELOPMENT_TOOLS_CLIENT_ID,
        client_secret: DEVELOPMENT_TOOLS_CLIENT_SECRET,
        grant_types: [DEVELOPMENT_TOKEN_GRANT],
        response_types: [],
        redirect_uris: [],
      },
      ...(options.temporalUiUrl ? [temporalUiClient(options.temporalUiUrl)] : []),
    ],
    clientDefaults: { id_token_signed_response_alg: 'ES256' },
    // The Temporal UI's server cannot send a code challenge; it authenticates with its secret.
    pkce: { required: (_ctx, client) => client.clientId !== TEMPORAL_UI_CLIENT_ID },
    // The browser's token request comes from the web app's page: allowed from the origins of the
    // client's own redirect URIs, nowhere else (the library's default, stated so it stays).
    clientBasedCORS: (_ctx, origin, client) =>
      origin !== 'null' && (client.redirectUris ?? []).some((uri) => URL.parse(uri)?.origin === origin),
    jwks: { keys: [signingKey] },
    cookies: { keys: cookieKeys },
    scopes: ['openid', 'profile', 'offline_access'],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'roles', 'customer_id', 'vendor'] },
    // The web apps read who signed in from the ID token; its access token is for the API only.
    conformIdTokenClaims: false,
    findAccount: (_ctx, id) => {
      const p = personOf(id);
      return p ? { accountId: id, claims: () => ({ sub: id, ...claimsOf(p) }) } : undefined;
    },
    extraTokenClaims: (_ctx, token) => {
      const p =
        'accountId' in token && typeof token.accountId === 'string' ? personOf(token.accountId) : undefined;
      return p ? claimsOf(p) : undefined;
    },
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== API_RESOURCE) throw new errors.InvalidTarget();
          return resourceServer(options.audience, accessTokenSeconds);
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        // The library's confirmation page, in Bahasa Indonesia (its `form` posts to itself).
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Keluar — Oxygen.id</title></head><body><main><h1>Keluar dari Oxygen.id?</h1>${form}<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Ya, keluar</button> <button type="submit" form="op.logoutForm">Tidak</button></main></body></html>`;
        },
      },
    },
    // First-party apps: no consent screen, every scope they ask for is granted.
    loadExistingGrant: async (ctx) => {
      const existing =
        ctx.oidc.result?.consent?.grantId || ctx.oidc.session?.grantIdFor(ctx.oidc.client!.clientId);
      if (existing) {
        const grant = await ctx.oidc.provider.Grant.find(existing);
        if (grant) return grant;
      }
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope(WEB_CLIENT_SCOPE.replace(` ${API_SCOPE}`, ''));
      grant.addOIDCClaims(['name', 'preferred_username', 'roles', 'customer_id']);
      grant.addResourceScope(API_RESOURCE, API_SCOPE);
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}`, policy: signInPolicy() },
    // A refresh token for every client allowed the grant, `offline_access` or not: the library
    // keeps that scope only with prompt=consent, and a first-party web app asks nobody for
    // consent. Without `offline_access` it lives no longer than the provider's session.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: {
      AccessToken: accessTokenSeconds,
      AuthorizationCode: 60,
      IdToken: 3600,
      RefreshToken: 14 * 86_400,
      Interaction: 3600,
      Session: 14 * 86_400,
      Grant: 14 * 86_400,
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Gagal masuk</title></head><body><main><h1>Gagal masuk</h1><p>${String(out.error)}: ${String(out.error_description ?? '')}</p></main></body></html>`;
    },
  };
}

/**
 * The Temporal Web UI's server exchanges the code with its secret (client_secret_basic) and gives
 * the browser the access token, which it passes to the codec server: a JWT for the API, as every
 * client gets (resourceIndicators' defaultResource), so the codec server verifies it as the API does.
 */
const temporalUiClient = (uiUrl: string): ClientMetadata => ({
  client_id: TEMPORAL_UI_CLIENT_ID,
  client_secret: TEMPORAL_UI_CLIENT_SECRET,
  client_name: 'Temporal Web UI',
  token_endpoint_auth_method: 'client_secret_basic',
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  redirect_uris: [temporalUiCallbackUrl(uiUrl)],
});

/**
 * The library's prompts, with the sign-in page asked for again when the browser's session is
 * someone the client does not admit: a customer signed in to the Selfcare app in this browser is
 * not let into the Temporal Web UI on that session, the page (operators only) is shown instead.
 */
function signInPolicy() {
  const { base, Check } = interactionPolicy;
  const policy = base();
  policy.get('login')!.checks.push(
    new Check('role_not_admitted', 'the signed-in account may not sign in to this client', (ctx) => {
      const { session, client } = ctx.oidc;
      if (!session?.accountId || !client) return Check.NO_NEED_TO_PROMPT;
      const role = personOf(session.accountId)?.role;
      return role && rolesSigningInTo(client.clientId).includes(role)
        ? Check.NO_NEED_TO_PROMPT
        : Check.REQUEST_PROMPT;
    }),
  );
  return policy;
}

/** Who may sign in to a client: the Temporal Web UI shows every customer's runs, so operators only. */
export const rolesSigningInTo = (clientId: string): readonly Role[] =>
  clientId === TEMPORAL_UI_CLIENT_ID ? ['operator'] : ROLES;

const resourceServer = (audience: string, accessTokenSeconds: number) => ({
  scope: API_SCOPE,
  audience,
  accessTokenTTL: accessTokenSeconds,
  accessTokenFormat: 'jwt' as const,
  jwt: { sign: { alg: 'ES256' as const } },
});

/** The sign-in page and its answers, under /interaction/<uid>. */
function interactions(provider: Provider) {
  return async (ctx: KoaContextWithOIDC, next: () => Promise<void>) => {
    const match = /^\/interaction\/([\w-]+)(?:\/(login|abort))?$/.exec(ctx.path);
    if (!match) return next();
    const [, uid, action] = match;
    ctx.set('cache-control', 'no-store');
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (details.uid !== uid) throw new errors.InvalidRequest('interaction mismatch');
    const roles = rolesSigningInTo(String(details.params.client_id));
    const people = SEEDED_PEOPLE.filter((p) => roles.includes(p.role));
    if (!action && ctx.method === 'GET') {
      const client = await provider.Client.find(String(details.params.client_id));
      ctx.type = 'html';
      ctx.body = renderLoginPage({
        action: `/interaction/${uid}/login`,
        abort: `/interaction/${uid}/abort`,
        clientName: client?.clientName ?? 'Oxygen.id',
        people,
      });
      return;
    }
    if (ctx.method !== 'POST') return next();
    const form = new URLSearchParams(await readBody(ctx.req));
    if (action === 'abort') {
      await provider.interactionFinished(ctx.req, ctx.res, {
        error: 'access_denied',
        error_description: 'sign-in cancelled',
      });
      return;
    }
    const accountId = form.get('account') ?? '';
    if (!people.some((p) => p.accountId === accountId)) {
      throw new errors.InvalidRequest('pick one of the listed people');
    }
    await provider.interactionFinished(
      ctx.req,
      ctx.res,
      { login: { accountId } },
      { mergeWithLastSubmission: false },
    );
  };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 4096) reject(new errors.InvalidRequest('form too large'));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

/**
 * `grant_type=<DEVELOPMENT_TOKEN_GRANT>&role=customer&subject=21314849&hours=12`, for the
 * development tools' client only: an access token for the API, as the web app would get after
 * signing in, without the browser.
 */
function registerDevelopmentGrant(provider: Provider, audience: string) {
  provider.registerGrantType(
    DEVELOPMENT_TOKEN_GRANT,
    async (ctx) => {
      const params = ctx.oidc.params as Record<string, string | undefined>;
      const role = params.role as Role;
      const subject = params.subject ?? '';
      const hours = Number(params.hours ?? '12');
      const vendor = params.vendor || undefined;
      if (!(ROLES as readonly string[]).includes(role))
        throw new errors.InvalidRequest('role must be customer, technician, cs or operator');
      if (!subjectFits(role, subject))
        throw new errors.InvalidRequest(
          role === 'customer' ? 'a customer’s subject is the 8-digit customer ID' : 'subject invalid',
        );
      if (vendor !== undefined && (role !== 'technician' || !vendorFits(vendor)))
        throw new errors.InvalidRequest('vendor is for technicians: capitals, digits and + . _ -');
      if (!(hours > 0 && hours <= 24 * 30))
        throw new errors.InvalidRequest('hours must be more than 0 and at most 720');
      const token = new provider.AccessToken({
        accountId: accountIdOf(role, subject, vendor),
        client: ctx.oidc.client!,
        scope: API_SCOPE,
        gty: DEVELOPMENT_TOKEN_GRANT,
        resourceServer: new provider.ResourceServer(
          API_RESOURCE,
          resourceServer(audience, Math.round(hours * 3600)),
        ),
        expiresIn: Math.round(hours * 3600),
      } as never);
      const value = await token.save();
      ctx.body = {
        access_token: value,
        token_type: 'Bearer',
        expires_in: token.expiration,
        scope: API_SCOPE,
      };
    },
    ['role', 'subject', 'hours', 'vendor'],
  );
}

/** The ES256 signing key and cookie keys: kept in `<dataDir>/oidc-provider/` when there is one. */
async function keys(dataDir: string | undefined): Promise<{ signingKey: JWK; cookieKeys: string[] }> {
  const file = dataDir ? path.join(dataDir, 'oidc-provider', 'keys.json') : undefined;
  if (file && fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'));
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  const signingKey = { ...jwk, alg: 'ES256', use: 'sig', kid: await calculateJwkThumbprint(jwk) };
  const generated = { signingKey, cookieKeys: [crypto.randomBytes(32).toString('base64url')] };
  if (file) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(generated), { mode: 0o600 });
  }
  return generated;
}
