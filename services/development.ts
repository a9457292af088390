/**
 * Development tools behind the API's /v1/dev routes (absent in production): the seeded customers
 * for the sign-in page, a token for one of them, and paying a bill's pending attempt at the local
 * Midtrans stand-in, exactly as `npm run pay` does.
 */
import type { z } from 'zod';
import { Refused } from '../contracts/refusals';
import type { PaymentRecorded } from '../contracts/views';
import { toJakartaIso } from '../domain/calendar';
import { mintDevelopmentToken, type Role } from '../platform/auth';
import type { Database } from '../platform/database';
import { HttpProblem } from '../platform/http/problem';

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
 * Pays the bill's pending attempt at the local Midtrans stand-in, as its sandbox simulator does
 * (`npm run pay`): the stand-in sends Midtrans's signed notification to this API and waits for
 * the answer. What the API recorded, or the problem the notification met.
 */
export async function payPendingAttempt(
  db: Database,
  standInUrl: string,
  billCode: string,
): Promise<z.output<typeof PaymentRecorded>> {
  const pending = await db.paymentAttempt.findFirst({
    where: { billCode, status: 'PENDING' },
    orderBy: { attempt: 'desc' },
  });
  if (!pending)
    throw new HttpProblem(
      409,
      'Conflict',
      `bill ${billCode} has no pending payment attempt: choose a method first`,
    );
  const answer = await fetch(`${standInUrl}/simulator/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ payment_code: pending.orderId }),
    signal: AbortSignal.timeout(30_000),
  });
  const paid = (await answer.json()) as { notification?: { status: number } };
  const status = paid.notification?.status ?? answer.status;
  if (status !== 200) throw new HttpProblem(502, 'Bad Gateway', `the notification was answered ${status}`);
  return { status: 'RECORDED', billCode, transactionId: pending.orderId };
}
