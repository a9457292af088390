/**
 * Bearer tokens from the configured issuers, verified with jose: the issuer must be one we
 * trust, the signature one of its published keys (fetched from its JWKS, cached; an unknown
 * `kid` refetches once per cooldown, so a rotated key works without a restart), the audience
 * ours, `exp`/`nbf` within a minute's skew, and the role one its issuer may grant.
 */
import {
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  type JWTPayload,
  jwtVerify,
} from 'jose';
import type { IssuerSettings } from './issuers';
import { type Principal, ROLES, type Role, TokenRefused } from './principal';

export const CLOCK_SKEW_SECONDS = 60;

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

/** For the issuers given, or those of a loaded config (`loadConfig()` or its `auth`). */
export function createTokenVerifier(
  source:
    | readonly IssuerSettings[]
    | { issuers: readonly IssuerSettings[] }
    | { auth: { issuers: readonly IssuerSettings[] } },
): TokenVerifier {
  const issuers = Array.isArray(source)
    ? (source as readonly IssuerSettings[])
    : 'auth' in source
      ? source.auth.issuers
      : (source as { issuers: readonly IssuerSettings[] }).issuers;
  const trusted = new Map(issuers.map((settings) => [settings.issuer, trustedIssuer(settings)]));
  return {
    async verify(token) {
      let claimedIssuer: unknown;
      try {
        claimedIssuer = decodeJwt(token).iss;
      } catch {
        throw new TokenRefused('token invalid: not a JWT');
      }
      const issuer = typeof claimedIssuer === 'string' ? trusted.get(claimedIssuer) : undefined;
      if (!issuer)
        throw new TokenRefused(`token issuer ${JSON.stringify(claimedIssuer ?? null)} is not trusted`);
      return issuer.verify(token);
    },
  };
}

function trustedIssuer(settings: IssuerSettings) {
  let keys: ReturnType<typeof createRemoteJWKSet> | undefined;
  let discovering: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined;
  const keySet = () => {
    if (keys) return Promise.resolve(keys);
    discovering ??= jwksUriOf(settings)
      .then((uri) => {
        keys = createRemoteJWKSet(new URL(uri), {
          cooldownDuration: settings.jwksCooldownSeconds * 1000,
          cacheMaxAge: settings.jwksCacheMaxAgeSeconds * 1000,
          timeoutDuration: 5_000,
        });
        return keys;
      })
      .finally(() => {
        discovering = undefined;
      });
    return discovering;
  };

  return {
    async verify(token: string): Promise<Principal> {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, await keySet(), {
          issuer: settings.issuer,
          audience: settings.audience,
          algorithms: [...settings.algorithms],
          clockTolerance: CLOCK_SKEW_SECONDS,
          requiredClaims: ['exp'],
        }));
      } catch (error) {
        throw refusalOf(error, settings);
      }
      refuseUnlessAccessToken(token, payload);
      return principalOf(payload, settings);
    },
  };
}

async function jwksUriOf(settings: IssuerSettings): Promise<string> {
  if (settings.jwksUri) return settings.jwksUri;
  const url = `${settings.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  try {
    const answer = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
    const { jwks_uri: uri } = (await answer.json()) as { jwks_uri?: unknown };
    if (typeof uri !== 'string') throw new Error('no jwks_uri');
    return uri;
  } catch (error) {
    throw new TokenRefused(
      `the keys of issuer ${settings.issuer} cannot be read now (${(error as Error).message}); try again`,
    );
  }
}

/** Claims only an ID token carries (OpenID Connect Core 2 and 3.1.3.6). */
const ID_TOKEN_CLAIMS = ['nonce', 'at_hash', 'c_hash', 's_hash'] as const;

/**
 * Access tokens only, however the audience is set (docs/decisions.md, "Access tokens only"): the
 * header's `typ` is `at+jwt` (RFC 9068: the development provider, oidc-provider) or, with `JWT` or
 * none, the payload's `typ` is `Bearer` (Keycloak, whose ID tokens say `ID`); and no claim only an
 * ID token carries.
 */
function refuseUnlessAccessToken(token: string, payload: JWTPayload): void {
  const headerType = decodeProtectedHeader(token).typ?.toLowerCase();
  const payloadType = typeof payload.typ === 'string' ? payload.typ.toLowerCase() : undefined;
  const idClaim = ID_TOKEN_CLAIMS.find((name) => name in payload);
  const accessToken =
    idClaim === undefined &&
    (headerType === 'at+jwt' || headerType === 'application/at+jwt'
      ? payloadType === undefined || payloadType === 'bearer'
      : (headerType === undefined || headerType === 'jwt') && payloadType === 'bearer');
  if (!accessToken)
    throw new TokenRefused(
      'token is not an access token (an ID token or another kind: typ must be at+jwt, or Bearer in the payload)',
    );
}

function refusalOf(error: unknown, settings: IssuerSettings): TokenRefused {
  if (error instanceof TokenRefused) return error;
  if (error instanceof errors.JWTExpired) return new TokenRefused('token expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return new TokenRefused(`token audience is not ${settings.audience}`);
    if (error.claim === 'nbf') return new TokenRefused('token not valid yet (nbf)');
    if (error.claim === 'exp') return new TokenRefused('token has no expiry (exp)');
    if (error.claim === 'iat') return new TokenRefused('token issued in the future (iat)');
    return new TokenRefused(`token claim ${error.claim} invalid`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed)
    return new TokenRefused(
      `token algorithm not allowed for this issuer (only ${settings.algorithms.join(', ')})`,
    );
  if (error instanceof errors.JWKSNoMatchingKey)
    return new TokenRefused('token signed with a key (kid) its issuer does not publish');
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JOSENotSupported)
    return new TokenRefused(`token invalid: ${(error as Error).message}`);
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return new TokenRefused('token signature invalid');
  if (error instanceof errors.JOSEError) return new TokenRefused('token invalid');
  return new TokenRefused(`the keys of issuer ${settings.issuer} cannot be read now; try again`);
}

function principalOf(payload: JWTPayload, settings: IssuerSettings): Principal {
  const roles = rolesOf(claim(payload, settings.claims.role), settings);
  // A genuine token of a person given no role of ours: not enough privilege (RFC 6750 insufficient_scope).
  if (roles.length === 0)
    throw new TokenRefused('token carries no role (customer, technician, cs or operator)', 403);
  // The highest role the token names decides; one the issuer may not grant refuses it whole.
  const role = [...ROLES].reverse().find((r) => roles.includes(r)) as Role;
  if (!settings.roles.includes(role)) {
    throw new TokenRefused(`issuer ${settings.issuer} may not grant the role ${role}`, 403);
  }
  if (role === 'customer') {
    const customerId = claim(payload, settings.claims.customerId);
    if (typeof customerId !== 'string' || !/^\d{8}$/.test(customerId)) {
      throw new TokenRefused(
        `a customer token’s ${settings.claims.customerId} must be the 8-digit customer ID`,
      );
    }
    return { sub: customerId, role, issuer: settings.issuer, ...nameOf(payload, settings) };
  }
  const subject = claim(payload, settings.claims.subject);
  if (typeof subject !== 'string' || subject === '')
    throw new TokenRefused(`token has no subject (${settings.claims.subject})`);
  const vendor = role === 'technician' ? claim(payload, settings.claims.vendor ?? 'vendor') : undefined;
  if (typeof vendor === 'string' && settings.vendors && !settings.vendors.includes(vendor)) {
    throw new TokenRefused(`issuer ${settings.issuer} may not vouch for technicians of ${vendor}`, 403);
  }
  return {
    sub: subject,
    role,
    issuer: settings.issuer,
    ...nameOf(payload, settings),
    ...(typeof vendor === 'string' && vendor !== '' ? { vendor } : {}),
  };
}

/** The person's display name, when the issuer's token gives one. */
function nameOf(payload: JWTPayload, settings: IssuerSettings): { name?: string } {
  const name = claim(payload, settings.claims.name ?? 'name');
  return typeof name === 'string' && name.trim() !== '' ? { name: name.trim().slice(0, 200) } : {};
}

/** The roles a claim's value names (a string, a space-separated string or an array). */
function rolesOf(value: unknown, settings: IssuerSettings): Role[] {
  const values = Array.isArray(value) ? value : typeof value === 'string' ? value.split(' ') : [];
  const roles = new Set<Role>();
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const role = settings.roleValues
      ? settings.roleValues[v]
      : (ROLES as readonly string[]).includes(v)
        ? (v as Role)
        : undefined;
    if (role) roles.add(role);
  }
  return [...roles];
}

function claim(payload: JWTPayload, path: string): unknown {
  if (path in payload) return payload[path];
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
