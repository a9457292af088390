import type { AttemptStatus } from '../contracts/payments';
import { billCode, type UpgradeBillQuote } from '../domain';
import { createOrFind } from '../platform/once';
import { billLineRowsOf, billRowOf } from '../services/bills';
import { checkAttempt } from '../services/payment-attempts';
import { loadUpgradeContext, quoteFor } from '../services/upgrade-quote';
import type { ActivityDependencies } from './dependencies';
import { notFound, refusalsAreFinal } from './errors';
import { nextNumber } from './sequences';

export interface IssueBillInput {
  upgradeId: string;
  customerId: string;
  targetPackageCode: string;
  /** The instant the customer asked: the bill's date, whatever the retry time. */
  requestedAt: string;
}

export interface IssuedBill {
  billCode: string;
  totalIdr: number;
  dueDate: string;
}

export function createBillingActivities({ db, startBillPayment, paymentGateway }: ActivityDependencies) {
  /**
   * The quote the accept step stored with the request. It stores none the rules refuse: quoting
   * anew then refuses the same way, and the run ends as it would have at the accept step.
   */
  async function quoteOf(input: IssueBillInput): Promise<UpgradeBillQuote> {
    const request = await db.upgradeRequest.findUnique({
      where: { id: input.upgradeId },
      select: { billQuote: true },
    });
    if (request?.billQuote) return request.billQuote as unknown as UpgradeBillQuote;
    const context = await loadUpgradeContext(db, input.customerId, input.targetPackageCode);
    return quoteFor(context, new Date(input.requestedAt));
  }

  return {
    /**
     * Issues the prorated upgrade bill, once per upgrade: the bill row is unique on the upgrade
     * ID, so a retry (or a concurrent duplicate) returns the bill already issued.
     */
    async issueUpgradeBill(input: IssueBillInput): Promise<IssuedBill> {
      const { upgradeId, customerId } = input;
      const select = { billCode: true, totalIdr: true, dueDate: true } as const;
      const { row } = await createOrFind(
        () =>
          refusalsAreFinal(async () => {
            const quote = await quoteOf(input);
            const code = billCode(quote.period, await nextNumber(db, 'bill_code_seq'));
            const [created] = await db.$transaction([
              db.bill.create({ data: billRowOf(quote, { billCode: code, customerId, upgradeId }), select }),
              db.billLine.createMany({ data: billLineRowsOf(quote, code) }),
            ]);
            return created;
          }),
        () => db.bill.findUnique({ where: { upgradeId }, select }),
      );
      const dueDate = row.dueDate.toISOString().slice(0, 10);
      // The bill's own run reminds the customer the day before it is due and sends the receipt.
      await startBillPayment?.({ billCode: row.billCode, customerId, upgradeId, dueDate });
      return { ...row, dueDate };
    },

    /**
     * The bill's run asks the gateway's Status API about a pending attempt (its notification may
     * be late or lost): a settlement is recorded here as its notification would have been.
     */
    async checkPaymentAttempt(input: {
      orderId: string;
    }): Promise<{ status: AttemptStatus; transactionId: string | null }> {
      if (!paymentGateway) throw new Error('no payment gateway configured for the worker');
      const { status, transactionId } = await checkAttempt(db, paymentGateway, input.orderId);
      return { status, transactionId };
    },

    /** What a bill's run needs to know before it reminds: is it still unpaid? */
    async readBillStatus(input: { billCode: string }): Promise<{ status: 'UNPAID' | 'PAID' | 'VOID' }> {
      const bill = await db.bill.findUnique({
        where: { billCode: input.billCode },
        select: { status: true },
      });
      if (!bill) throw notFound(`bill ${input.billCode} does not exist`);
      return { status: bill.status };
    },
  };
}
