/**
 * The payment gateway's notification that a bill was paid (virtual account, QRIS, e-wallet).
 * Signed, not bearer-authenticated (api/access.ts). Recorded once in PostgreSQL, then the bill's
 * run is signalled (started if need be) to send the receipt and drop the reminder. When Temporal
 * does not take the signal the answer is 503: the gateway delivers again, the replay finds the
 * payment recorded and signals again, and nothing is booked twice. A redelivery after the receipt
 * reached the customer on every channel is answered without touching Temporal (no second run).
 */
import { z } from 'zod';
import { Refused } from '../../contracts/refusals';
import { PaymentNotificationBody } from '../../contracts/requests';
import { queueReceipt, recordPayment } from '../../services/payments';
import { ok, operationsOf, problem, refusals } from '../operation';

const operation = operationsOf('Payments');

export const PAYMENTS = [
  operation({
    operationId: 'notifyPayment',
    route: 'POST /v1/payments/notifications',
    summary: 'The payment gateway says a bill was paid',
    description:
      'Records the payment once (by transaction ID), marks the bill PAID, and has the customer sent a receipt (push, inbox, email). The whole total must be paid: no partial payments.',
    access: 'payment-gateway',
    headers: {
      'X-Callback-Timestamp': {
        schema: z.string().regex(/^\d{1,12}$/),
        description: 'unix seconds when the gateway signed',
        example: '1763706868',
      },
      'X-Callback-Signature': {
        schema: z.string().regex(/^[0-9a-fA-F]{64}$/),
        description: 'hex HMAC-SHA256 of `<timestamp>.<raw body>`',
        example: '5d41402abc4b2a76b9719d911017c5925d41402abc4b2a76b9719d911017c592',
      },
    },
    body: {
      name: 'PaymentNotification',
      schema: PaymentNotificationBody,
      example: {
        transactionId: 'VA-BCA-20251122-000123',
        billCode: '202511712857',
        amountIdr: 771_700,
        method: 'VA_BCA',
        paidAt: '2025-11-22T10:15:00+07:00',
      },
    },
    responses: {
      200: ok('recorded now, or recorded before (a replay changes nothing)', 'PaymentRecorded'),
      ...refusals('UNKNOWN_BILL', 'BILL_PAID', 'BILL_VOID', 'TRANSACTION_REUSED', 'AMOUNT_MISMATCH'),
      503: problem('recorded, but the receipt could not be queued: deliver again'),
    },
    handler: async ({ body }, { db, temporal, config }) => {
      const outcome = await recordPayment(db, body);
      if (!outcome.recorded) throw new Refused(outcome.refusal, outcome.detail);
      // A redelivery after the receipt went out on every channel changes nothing: no second run.
      if (!outcome.receiptDelivered) await queueReceipt(temporal, config.temporal.taskQueue, body, outcome);
      return {
        status: outcome.replay ? ('ALREADY_RECORDED' as const) : ('RECORDED' as const),
        billCode: body.billCode,
        transactionId: body.transactionId,
      };
    },
  }),
];
