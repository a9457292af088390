/**
 * Development tools behind the API's /v1/dev routes (absent in production): the seeded customers
 * for the sign-in page, a token for one of them, and paying a bill in full through the payment
 * gateway's signed notification, exactly as `npm run pay` does.
 */
import type { z } from 'zod';
import type { PaymentMethod } from '../contracts/payments';
import { Refused } from '../contracts/refusals';
import type { PaymentRecorded } from '../contracts/views';
import { toJakartaIso } from '../domain/calendar';
import { mintDevelopmentToken, type Role } from '../platform/auth';
import type { Database } from '../platform/database';
import { HttpProblem } from '../platform/http/problem';
import { postSignedNotification } from '../platform/payment-signature';

/** Hours a development token lasts: a working day. */
const DEV_TOKEN_HOURS = 12;

export async function devCustomers(db: Database) {
  const rows = await db.customer.findMany({
    orderBy: { id: 'asc' },
    include: {
      subscription: { include: { package: true } },
      devices: { where: { status: 'ACTIVE' }, orderBy: { installedAt: 'desc' }, take: 1 },
    },
  });
  return {
    customers: rows.map((c) => ({
      customerId: c.id,
      name: c.name,
      customerType: c.customerType,
      packageName: c.subscription?.package.name ?? null,
      ontBand: c.devices[0]?.band ?? null,
    })),
  };
}

/** A bearer token for the role and subject asked for; a customer must exist. */
export async function devSignIn<R extends Role>(
  db: Database,
  who: { role: R; subject: string },
  issuer: string | undefined,
) {
  if (who.role === 'customer') {
    const found = await db.customer.findUnique({ where: { id: who.subject }, select: { id: true } });
    if (!found) throw new Refused('UNKNOWN_CUSTOMER', `customer ${who.subject} does not exist`);
  }
  const accessToken = await mintDevelopmentToken({ ...who, hours: DEV_TOKEN_HOURS, issuer });
  return {
    accessToken,
    tokenType: 'Bearer' as const,
    expiresAt: toJakartaIso(new Date(Date.now() + DEV_TOKEN_HOURS * 3_600_000)),
    role: who.role,
    subject: who.subject,
  };
}

/**
 * Posts the gateway's signed notification for the bill's whole total to `apiUrl`: what the API
 * recorded, or the problem it answered, relayed as it is.
 */
export async function payInFull(
  db: Database,
  secret: string,
  apiUrl: string,
  billCode: string,
  method: PaymentMethod,
): Promise<z.output<typeof PaymentRecorded>> {
  const { totalIdr } = await db.bill.findUniqueOrThrow({ where: { billCode }, select: { totalIdr: true } });
  const answer = await postSignedNotification({
    apiUrl,
    secret,
    notification: {
      transactionId: `DEV-${billCode}-${Date.now()}`,
      billCode,
      amountIdr: totalIdr,
      method,
      paidAt: new Date().toISOString(),
    },
  });
  if (answer.status === 200) return answer.body as z.output<typeof PaymentRecorded>;
  const {
    title,
    detail,
    status: _s,
    type: _t,
    instance: _i,
    ...extra
  } = answer.body as Record<string, unknown>;
  throw new HttpProblem(answer.status, String(title), String(detail), extra);
}
