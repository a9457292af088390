import { billCode as formatBillCode } from '../domain';
import { loadUpgradeContext, quoteFor } from '../services/upgrade-quote';
import type { ActivityDependencies } from '.';
import { isUniqueViolation, refusalsAreFinal } from './errors';
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

export function createBillingActivities({ db }: ActivityDependencies) {
  return {
    /**
     * Issues the prorated upgrade bill, once per upgrade: the bill row is unique on the upgrade
     * ID, so a retry (or a concurrent duplicate) returns the bill already issued.
     */
    async issueUpgradeBill(input: IssueBillInput): Promise<IssuedBill> {
      const existing = await db.bill.findUnique({ where: { upgradeId: input.upgradeId } });
      if (existing) return summary(existing);
      return refusalsAreFinal(async () => {
        const context = await loadUpgradeContext(db, input.customerId, input.targetPackageCode);
        const quote = quoteFor(context, new Date(input.requestedAt));
        try {
          const bill = await db.$transaction(async (tx) => {
            const code = formatBillCode(quote.period, await nextNumber(tx, 'bill_code_seq'));
            return tx.bill.create({
              data: {
                billCode: code,
                customerId: input.customerId,
                upgradeId: input.upgradeId,
                period: quote.period,
                billingDate: asDate(quote.billingDate),
                dueDate: asDate(quote.dueDate),
                billingMonthStart: asDate(quote.billingMonth.start),
                billingMonthEnd: asDate(quote.billingMonth.end),
                billCycle: quote.billCycle,
                packageCode: quote.packageCode,
                packageName: quote.packageName,
                actualChargeIdr: quote.actualChargeIdr,
                adjustmentIdr: quote.adjustmentIdr,
                baseIdr: quote.baseIdr,
                vatRatePercent: quote.vatRatePercent,
                vatIdr: quote.vatIdr,
                totalIdr: quote.totalIdr,
                amountInWords: quote.amountInWords,
                status: 'UNPAID',
                lines: {
                  create: quote.lines.map((line, position) => ({
                    position,
                    label: line.label,
                    amountIdr: line.amountIdr,
                  })),
                },
              },
            });
          });
          return summary(bill);
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          return summary(await db.bill.findUniqueOrThrow({ where: { upgradeId: input.upgradeId } }));
        }
      });
    },
  };
}

function summary(bill: { billCode: string; totalIdr: number; dueDate: Date }): IssuedBill {
  return {
    billCode: bill.billCode,
    totalIdr: bill.totalIdr,
    dueDate: bill.dueDate.toISOString().slice(0, 10),
  };
}

function asDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
