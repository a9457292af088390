/**
 * An issuer of our own making with its own keys, served as a JWKS on a local port: the second
 * IdP of the tests (a vendor portal that may only grant `technician`) and the bench's token
 * source. Keys can be added and removed while it runs, to rotate them under a running API.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';
import type { IssuerSettings } from '../../platform/auth/issuers';
import type { Role } from '../../platform/auth/principal';

type Alg = 'ES256' | 'RS256' | 'EdDSA';

interface Key {
  kid: string;
  alg: Alg;
  privateKey: Parameters<SignJWT['sign']>[0];
  publicJwk: JWK;
}

export interface LocalIssuer {
  issuer: string;
  jwksUri: string;
  /** What the API needs to trust it (AUTH_ISSUERS' entry). */
  settings: IssuerSettings;
  /** The key tokens are signed with now. */
  currentKid(): string;
  /** Signs `claims` (plus iss, aud, iat, exp in an hour unless given) with the current key, or `kid`. */
  sign(claims: JWTPayload, options?: { kid?: string; header?: Record<string, unknown> }): Promise<string>;
  /** A new current key, published beside the old ones. */
  addKey(): Promise<string>;
  /** Stops publishing a key. */
  removeKey(kid: string): void;
  /** How often the JWKS was fetched. */
  jwksFetches(): number;
  stop(): Promise<void>;
}

export async function startLocalIssuer(options: {
  audience: string;
  roles: Role[];
  alg?: Alg;
  claims?: IssuerSettings['claims'];
  roleValues?: IssuerSettings['roleValues'];
  /** The installer vendors it vouches for; required (by the API) when it may grant technician. */
  vendors?: string[];
  jwksCooldownSeconds?: number;
}): Promise<LocalIssuer> {
  const alg = options.alg ?? 'ES256';
  const keys: Key[] = [];
  let fetches = 0;
  const server = http.createServer((req, res) => {
    if (req.url !== '/jwks.json') {
      res.writeHead(404).end();
      return;
    }
    fetches++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: keys.map((k) => k.publicJwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${base}/`;

  const addKey = async () => {
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
    const jwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(jwk);
    keys.push({ kid, alg, privateKey, publicJwk: { ...jwk, kid, alg, use: 'sig' } });
    return kid;
  };
  await addKey();

  const settings: IssuerSettings = {
    issuer,
    jwksUri: `${base}/jwks.json`,
    audience: options.audience,
    algorithms: [alg],
    roles: options.roles,
    claims: options.claims ?? { role: 'roles', customerId: 'customer_id', subject: 'sub' },
    ...(options.roleValues ? { roleValues: options.roleValues } : {}),
    ...(options.vendors ? { vendors: options.vendors } : {}),
    jwksCooldownSeconds: options.jwksCooldownSeconds ?? 30,
    jwksCacheMaxAgeSeconds: 600,
  };
  return {
    issuer,
    jwksUri: settings.jwksUri!,
    settings,
    currentKid: () => keys.at(-1)!.kid,
    async sign(claims, signOptions = {}) {
      const key = signOptions.kid ? keys.find((k) => k.kid === signOptions.kid) : keys.at(-1);
      if (!key) throw new Error(`no key ${signOptions.kid}`);
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ iss: issuer, aud: options.audience, iat: now, exp: now + 3600, ...claims })
        .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'at+jwt', ...signOptions.header })
        .sign(key.privateKey);
    },
    addKey,
    removeKey: (kid) => {
      const at = keys.findIndex((k) => k.kid === kid);
      if (at >= 0) keys.splice(at, 1);
    },
    jwksFetches: () => fetches,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
