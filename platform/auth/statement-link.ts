/**
 * The link in a bill email opens that bill's statement without logging in. It is signed with a
 * key of its own (STATEMENT_LINK_SECRET, HS256: the API both signs and verifies it), for an
 * audience no other token has, and lives until the bill's due date plus a margin; the statement
 * route refuses it once the bill is voided, or paid longer ago than the margin.
 */
import { errors, jwtVerify, SignJWT } from 'jose';
import { type Principal, statementScope, TokenRefused } from './principal';

export const STATEMENT_LINK_ISSUER = 'oxygen-selfcare-api';
export const STATEMENT_LINK_AUDIENCE = 'oxygen-selfcare-statement-link';

export interface StatementLinkSettings {
  secret: string;
  /** Days a link keeps opening after the bill's due date, or after its payment. */
  marginDays: number;
}

export interface LinkedBill {
  billCode: string;
  customerId: string;
  dueDate: Date;
}

/** The statement link of a bill email, minted now. */
export async function statementLink(
  publicBaseUrl: string,
  settings: StatementLinkSettings,
  bill: LinkedBill,
  now = new Date(),
): Promise<string> {
  const token = await mintStatementLinkToken(settings, bill, now);
  return `${publicBaseUrl.replace(/\/+$/, '')}/v1/bills/${bill.billCode}/statement?access_token=${token}`;
}

export function mintStatementLinkToken(settings: StatementLinkSettings, bill: LinkedBill, now = new Date()) {
  const until = Math.max(bill.dueDate.getTime(), now.getTime()) + settings.marginDays * 86_400_000;
  return new SignJWT({ bill: bill.billCode })
    .setProtectedHeader({ alg: 'HS256', typ: 'statement-link+jwt' })
    .setIssuer(STATEMENT_LINK_ISSUER)
    .setAudience(STATEMENT_LINK_AUDIENCE)
    .setSubject(bill.customerId)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(until / 1000))
    .sign(new TextEncoder().encode(settings.secret));
}

export async function verifyStatementLink(
  settings: StatementLinkSettings,
  token: string,
): Promise<Principal> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(settings.secret), {
      issuer: STATEMENT_LINK_ISSUER,
      audience: STATEMENT_LINK_AUDIENCE,
      algorithms: ['HS256'],
      typ: 'statement-link+jwt',
      requiredClaims: ['exp', 'sub'],
    });
    if (typeof payload.bill !== 'string' || !/^\d{8}$/.test(payload.sub ?? ''))
      throw new TokenRefused('not a statement link');
    return {
      sub: payload.sub as string,
      role: 'customer',
      scope: statementScope(payload.bill),
      issuer: STATEMENT_LINK_ISSUER,
    };
  } catch (error) {
    if (error instanceof TokenRefused) throw error;
    if (error instanceof errors.JWTExpired) throw new TokenRefused('this statement link has expired');
    throw new TokenRefused('not a statement link of this service');
  }
}

/** Why a link no longer opens its bill's statement (voided; paid longer ago than the margin), or null. */
export function statementLinkRefusal(
  bill: { status: string; paidAt: Date | null },
  settings: StatementLinkSettings,
  now = new Date(),
): string | null {
  if (bill.status === 'VOID') return 'the bill was voided: its statement link no longer opens';
  if (
    bill.status === 'PAID' &&
    bill.paidAt &&
    now.getTime() > bill.paidAt.getTime() + settings.marginDays * 86_400_000
  )
    return 'the bill was paid more than the link’s margin ago: sign in to see it';
  return null;
}
