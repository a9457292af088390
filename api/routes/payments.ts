/**
 * Paying a bill through the payment gateway (Midtrans Core API): the customer opens an attempt
 * ("Bayar" with a method, or "Ganti metode"), the app shows its VA number, Mandiri bill key or
 * QRIS code; Midtrans's HTTP notification says how it ended. The notification is signed in its
 * body (`signature_key`, checked in api/access.ts), not bearer-authenticated. A payment is
 * recorded once in PostgreSQL, then the bill's run is signalled (started if need be) to send the
 * receipt: when Temporal does not take the signal the answer is 503 and Midtrans delivers again;
 * a repeat finds the payment recorded and changes nothing. Each opened attempt is signalled to
 * the bill's run too, which asks Midtrans's Status API while it is pending (a lost notification).
 */
import type { Client } from '@temporalio/client';
import { BILL_PAYMENT_WORKFLOW_TYPE, billWorkflowId, paymentAttemptSignal } from '../../contracts/payments';
import { Refused, Unavailable } from '../../contracts/refusals';
import { MidtransNotificationBody, PaymentAttemptBody } from '../../contracts/requests';
import { fromMidtransTime } from '../../platform/midtrans';
import { inRunTrace } from '../../platform/telemetry/run-trace';
import {
  applyGatewayStatus,
  listAttempts,
  type OpenedAttempt,
  openAttempt,
} from '../../services/payment-attempts';
import { midtransGateway, type PaymentGateway } from '../../services/payment-gateway';
import { queueReceipt } from '../../services/payments';
import { assertMayRead } from '../access';
import type { ApiDependencies } from '../dependencies';
import { ok, operationsOf, problem, refusals } from '../operation';

const operation = operationsOf('Payments');

/** The gateway the deps give (tests), or Midtrans's Core API as configured. */
export function gatewayOf(deps: ApiDependencies): PaymentGateway {
  deps.paymentGateway ??= midtransGateway(deps.config.payments.midtrans);
  return deps.paymentGateway;
}

/** The bill's run is told of the attempt (started if need be): it asks the Status API while it is pending. */
async function watchAttempt(temporal: Client, taskQueue: string, opened: OpenedAttempt): Promise<void> {
  const billCode = opened.attempt.billCode;
  const workflowId = billWorkflowId(billCode);
  await inRunTrace(temporal.workflow.getHandle(workflowId), 'payment attempt opened', () =>
    temporal.workflow.signalWithStart(BILL_PAYMENT_WORKFLOW_TYPE, {
      workflowId,
      taskQueue,
      args: [{ billCode, ...opened.bill }],
      signal: paymentAttemptSignal,
      signalArgs: [opened.signal],
    }),
  );
}

export const PAYMENTS = [
  operation({
    operationId: 'listPaymentAttempts',
    route: 'GET /v1/bills/{billCode}/payment-attempts',
    summary: 'The bill’s payment attempts and the methods offered',
    description:
      'Each attempt is one order at the payment gateway: its method, VA number (or Mandiri biller code and bill key, or QRIS payload), amount, deadline and status, newest first.',
    access: 'resource-read',
    responses: { 200: ok('the attempts', 'PaymentAttemptList'), ...refusals('UNKNOWN_BILL') },
    handler: async ({ params: { billCode }, res }, { db, config }) => {
      const bill = await db.bill.findUnique({ where: { billCode }, select: { customerId: true } });
      if (!bill) throw new Refused('UNKNOWN_BILL', `bill ${billCode} does not exist`);
      assertMayRead(res, bill.customerId, `bill ${billCode}`);
      return listAttempts(db, billCode, config.payments.methods);
    },
  }),
  operation({
    operationId: 'openPaymentAttempt',
    route: 'POST /v1/customers/{customerId}/bills/{billCode}/payment-attempts',
    summary: 'Pay a bill with a method: a VA number, a Mandiri bill key or a QRIS code',
    description:
      'Opens an order at the payment gateway for exactly the bill’s total, closing at the end of its due date (WIB) or in 24 hours, whichever is sooner. A pending attempt is cancelled first (“Ganti metode”).',
    access: 'customer-act',
    body: { name: 'PaymentAttemptRequest', schema: PaymentAttemptBody, example: { method: 'VA_BCA' } },
    responses: {
      200: ok('opened', 'PaymentAttemptView'),
      ...refusals('UNKNOWN_BILL', 'BILL_PAID', 'BILL_VOID', 'METHOD_NOT_OFFERED'),
      503: problem('the payment gateway did not answer: try again'),
    },
    handler: async ({ params: { customerId, billCode }, body }, deps) => {
      const { db, temporal, config, logger } = deps;
      const bill = await db.bill.findUnique({ where: { billCode }, select: { customerId: true } });
      if (!bill || bill.customerId !== customerId)
        throw new Refused('UNKNOWN_BILL', `bill ${billCode} does not exist`);
      let opened: OpenedAttempt;
      try {
        opened = await openAttempt(db, gatewayOf(deps), {
          billCode,
          method: body.method,
          offered: config.payments.methods,
        });
      } catch (error) {
        if (error instanceof Refused) throw error;
        throw new Unavailable('the payment gateway did not answer: try again', {
          cause: error,
          context: { billCode },
        });
      }
      // Best effort: the attempt stands; its notification (or the next check) settles it.
      await watchAttempt(temporal, config.temporal.taskQueue, opened).catch((error: unknown) =>
        logger.warn(
          { err: error, billCode, orderId: opened.attempt.orderId },
          'bill run not told of the attempt',
        ),
      );
      return opened.attempt;
    },
  }),
  operation({
    operationId: 'notifyPayment',
    route: 'POST /v1/payments/midtrans/notification',
    summary: 'Midtrans’s HTTP notification: an order was paid, expired, cancelled or denied',
    description:
      'The URL set in Midtrans’s dashboard. `settlement` (or `capture` with `fraud_status` accept) records the payment once and has the customer sent a receipt; `pending` changes nothing; `expire`, `cancel` and `deny` close the attempt and leave the bill payable. A repeat answers 200 and changes nothing. `gross_amount` must be the bill’s total.',
    access: 'payment-gateway',
    body: {
      name: 'MidtransNotification',
      schema: MidtransNotificationBody,
      example: {
        order_id: '202511712857-1',
        status_code: '200',
        gross_amount: '771700.00',
        signature_key: 'a'.repeat(128),
        transaction_status: 'settlement',
        fraud_status: 'accept',
        payment_type: 'bank_transfer',
        transaction_id: '9aed5972-5b6a-401e-894b-a32c91ed1a3a',
        settlement_time: '2025-11-22 10:15:00',
      },
    },
    responses: {
      200: ok('applied now, or before (a repeat changes nothing)', 'MidtransNotificationAnswer'),
      ...refusals('UNKNOWN_ORDER', 'BILL_PAID', 'BILL_VOID', 'TRANSACTION_REUSED', 'AMOUNT_MISMATCH'),
      503: problem('recorded, but the receipt could not be queued: deliver again'),
    },
    handler: async ({ body }, { db, temporal, config, logger }) => {
      const applied = await applyGatewayStatus(db, {
        orderId: body.order_id,
        transactionStatus: body.transaction_status,
        fraudStatus: body.fraud_status ?? null,
        grossAmount: body.gross_amount,
        settledAt: body.settlement_time ? fromMidtransTime(body.settlement_time) : null,
      }).catch((error: unknown) => {
        if (error instanceof Refused)
          logger.warn({ orderId: body.order_id, reason: error.code }, 'payment notification refused');
        throw error;
      });
      if (applied.kind === 'RECORDED' || applied.kind === 'ALREADY_RECORDED') {
        // A repeat after the receipt went out on every channel changes nothing: no second run.
        if (!applied.outcome.receiptDelivered)
          await queueReceipt(temporal, config.temporal.taskQueue, applied.payment, applied.outcome);
      }
      return { status: applied.kind, orderId: body.order_id };
    },
  }),
];
