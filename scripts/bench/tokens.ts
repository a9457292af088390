/**
 * The bench's bearer tokens: signed by an issuer of its own (test/support/local-issuer.ts) that
 * the bench's API and worker are configured to trust (AUTH_ISSUERS), so a production-mode
 * process verifies them as it would the ISP's IdP's, and minting costs the measured system nothing.
 */

import { randomBytes } from 'node:crypto';
import { type LocalIssuer, startLocalIssuer } from '../../test/support/local-issuer';

let issuer: Promise<LocalIssuer> | undefined;
const tokens = new Map<string, Promise<string>>();

const benchIssuer = () => {
  issuer ??= startLocalIssuer({
    audience: 'selfcare-api',
    roles: ['customer', 'technician', 'operator'],
    vendors: ['MISITEL'],
  });
  return issuer;
};

/** Fresh for each bench: production refuses the development secrets. */
export const BENCH_STATEMENT_LINK_SECRET = randomBytes(32).toString('base64url');

/** The environment of a bench process: it trusts the bench's issuer, and signs statement links. */
export async function benchAuthEnv(): Promise<Record<string, string>> {
  return {
    AUTH_ISSUERS: JSON.stringify([(await benchIssuer()).settings]),
    STATEMENT_LINK_SECRET: BENCH_STATEMENT_LINK_SECRET,
  };
}

export async function benchBearer(
  role: 'customer' | 'technician' | 'operator',
  sub: string,
): Promise<Record<string, string>> {
  const key = `${role}:${sub}`;
  let token = tokens.get(key);
  if (!token) {
    token = benchIssuer().then((i) =>
      i.sign({
        sub,
        roles: [role],
        ...(role === 'customer' ? { customer_id: sub } : {}),
        ...(role === 'technician' ? { vendor: 'MISITEL' } : {}),
        exp: Math.floor(Date.now() / 1000) + 12 * 3600,
      }),
    );
    tokens.set(key, token);
  }
  return { Authorization: `Bearer ${await token}` };
}

export async function stopBenchIssuer(): Promise<void> {
  await (await issuer)?.stop();
}
