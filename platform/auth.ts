/**
 * Bearer JWTs (HS256). A token carries `sub`, `role` and `exp` and nothing else is required, so
 * any issuer holding AUTH_JWT_SECRET (the Selfcare app's login, the vendor portal, the CRM) can
 * mint them. A statement link in an email carries a narrower token: `scope` = `statement:<bill>`.
 */
import jwt from 'jsonwebtoken';
import { loadConfig } from './config';

export const ROLES = ['customer', 'technician', 'operator'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  sub: string;
  role: Role;
  /** Present on link tokens: the one resource the token opens. */
  scope?: string;
}

export class InvalidToken extends Error {}

export function verifyToken(token: string, secret: string): Principal {
  let claims: jwt.JwtPayload | string;
  try {
    claims = jwt.verify(token, secret, { algorithms: ['HS256'] });
  } catch (error) {
    throw new InvalidToken(error instanceof jwt.TokenExpiredError ? 'token expired' : 'token invalid');
  }
  if (typeof claims === 'string') throw new InvalidToken('token invalid');
  if (typeof claims.exp !== 'number') throw new InvalidToken('token has no expiry (exp)');
  if (typeof claims.sub !== 'string' || claims.sub === '')
    throw new InvalidToken('token has no subject (sub)');
  if (!ROLES.includes(claims.role))
    throw new InvalidToken('token role must be customer, technician or operator');
  if (claims.role === 'customer' && !/^\d{8}$/.test(claims.sub)) {
    throw new InvalidToken('a customer token’s subject must be the 8-digit customer ID');
  }
  return {
    sub: claims.sub,
    role: claims.role,
    ...(typeof claims.scope === 'string' ? { scope: claims.scope } : {}),
  };
}

export function mintToken(principal: Principal, secret: string, expiresInSeconds = 3600): string {
  return jwt.sign({ role: principal.role, ...(principal.scope ? { scope: principal.scope } : {}) }, secret, {
    algorithm: 'HS256',
    subject: principal.sub,
    expiresIn: expiresInSeconds,
  });
}

export const statementScope = (billCode: string) => `statement:${billCode}`;

/** The link in the bill email: opens that one statement, for 60 days, without logging in. */
export function statementLink(
  publicBaseUrl: string,
  secret: string,
  billCode: string,
  customerId: string,
): string {
  const token = mintToken(
    { sub: customerId, role: 'customer', scope: statementScope(billCode) },
    secret,
    60 * 86_400,
  );
  return `${publicBaseUrl.replace(/\/+$/, '')}/v1/bills/${billCode}/statement?access_token=${token}`;
}

/**
 * A token for the development sign-in (the web app's dev page, `npm run token`): the role and
 * subject asked for, valid `hours`. Async because an identity provider may mint it in its place.
 * Never reachable in production: its callers refuse to run there.
 */
export async function mintDevelopmentToken(input: {
  role: Role;
  subject: string;
  hours: number;
}): Promise<string> {
  return mintToken(
    { sub: input.subject, role: input.role },
    loadConfig().auth.jwtSecret,
    Math.round(input.hours * 3600),
  );
}
