/**
 * Pays at the local Midtrans stand-in (local/midtrans-stand-in.ts) as Midtrans's sandbox
 * simulator does: give it the VA number (or Mandiri bill key) the app shows, the QRIS payload, an
 * order ID, or a bill code (its newest pending attempt). The stand-in settles the order and sends
 * Midtrans's signed notification to the API, which records the payment and sends the receipt.
 *   npm run pay -- 12345678901                       (the VA number from the app)
 *   npm run pay -- 202511712857                      (the bill's pending attempt, any method)
 *   npm run pay -- 202511712857 --drop-notification  (paid, but the notification is lost)
 *   npm run pay -- 202511712857 --gateway http://127.0.0.1:4010
 * Prints the order and the API's answer to the notification.
 */
import { loadConfig } from '../platform/config';

export async function payAtStandIn(options: {
  /** The stand-in's address (npm start's: MIDTRANS_STAND_IN_PORT, 4010). */
  gatewayUrl: string;
  /** A VA number, bill key, QRIS payload, order ID, or bill code. */
  paymentCode: string;
  dropNotification?: boolean;
}): Promise<{ status: number; orderId?: string; notificationStatus?: number; body: unknown }> {
  const answer = await fetch(`${options.gatewayUrl}/simulator/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      payment_code: options.paymentCode,
      drop_notification: !!options.dropNotification,
    }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await answer.json()) as { order?: { order_id: string }; notification?: { status: number } };
  return {
    status: answer.status,
    orderId: body.order?.order_id,
    notificationStatus: body.notification?.status,
    body,
  };
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? args.splice(at, 2)[1] : undefined;
  };
  const flag = (name: string) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 && args.splice(at, 1).length === 1;
  };
  const gatewayUrl =
    option('gateway') ?? `http://127.0.0.1:${loadConfig().payments.midtrans.standInPort || 4010}`;
  const dropNotification = flag('drop-notification');
  const [paymentCode] = args;
  if (!paymentCode) {
    process.stderr.write(
      'usage: npm run pay -- <VA number | bill key | order ID | bill code> [--drop-notification] [--gateway URL]\n',
    );
    process.exit(2);
  }
  const answer = await payAtStandIn({ gatewayUrl, paymentCode, dropNotification });
  if (answer.status !== 200) {
    process.stdout.write(`${answer.status} ${JSON.stringify(answer.body)}\n`);
    process.exit(1);
  }
  process.stdout.write(
    `paid ${answer.orderId}; the API answered the notification ${answer.notificationStatus || '(dropped)'}\n`,
  );
  process.exit(dropNotification || answer.notificationStatus === 200 ? 0 : 1);
}

if (require.main === module) void main();
