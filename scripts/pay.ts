/**
 * A stand-in for the payment gateway on a developer's machine: pays a bill in full by posting the
 * gateway's signed notification, as the real gateway would after a virtual account transfer.
 *   npm run pay -- 202511712857                  (QRIS, now, a fresh transaction ID)
 *   npm run pay -- 202511712857 --method VA_BCA --transaction VA-BCA-0001 --api http://localhost:3000
 * Signs with PAYMENT_WEBHOOK_SECRET (or the development secret) and reads the amount due with an
 * operator token from the development OpenID provider. Prints the API's answer.
 */
import { randomUUID } from 'node:crypto';
import { PAYMENT_METHODS, type PaymentMethod } from '../contracts/payments';
import { mintDevelopmentToken } from '../platform/auth';
import { loadConfig } from '../platform/config';
import { postSignedNotification } from '../platform/payment-signature';

export async function payBill(options: {
  apiUrl: string;
  billCode: string;
  method?: PaymentMethod;
  transactionId?: string;
  amountIdr?: number;
  /** The development provider that signs the operator token; default: the configured one. */
  issuer?: string;
}): Promise<{ status: number; body: unknown }> {
  const config = loadConfig();
  const operator = await mintDevelopmentToken({
    role: 'operator',
    subject: 'payment-stand-in',
    hours: 0.1,
    issuer: options.issuer,
  });
  const bill = await fetch(`${options.apiUrl}/v1/bills/${options.billCode}`, {
    headers: { Authorization: `Bearer ${operator}` },
  });
  if (!bill.ok) return { status: bill.status, body: await bill.json() };
  const { totalIdr } = (await bill.json()) as { totalIdr: number };
  return postSignedNotification({
    apiUrl: options.apiUrl,
    secret: config.payments.webhookSecret,
    notification: {
      transactionId: options.transactionId ?? `DEV-${randomUUID().slice(0, 18)}`,
      billCode: options.billCode,
      amountIdr: options.amountIdr ?? totalIdr,
      method: options.method ?? 'QRIS',
      paidAt: new Date().toISOString(),
    },
  });
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? args.splice(at, 2)[1] : undefined;
  };
  const apiUrl = option('api') ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const method = option('method');
  const transactionId = option('transaction');
  const [billCode] = args;
  if (!billCode || (method && !PAYMENT_METHODS.includes(method as PaymentMethod))) {
    process.stderr.write(
      `usage: npm run pay -- <billCode> [--method ${PAYMENT_METHODS.join('|')}] [--transaction ID] [--api URL]\n`,
    );
    process.exit(2);
  }
  const answer = await payBill({
    apiUrl,
    billCode,
    method: method as PaymentMethod | undefined,
    transactionId,
  });
  process.stdout.write(`${answer.status} ${JSON.stringify(answer.body)}\n`);
  process.exit(answer.status === 200 ? 0 : 1);
}

if (require.main === module) void main();
