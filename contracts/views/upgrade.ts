/** An upgrade as the API shows it: its steps, its notices refused for good, its ONT swap. */
import { z } from 'zod';
import { UPGRADE_STEPS } from '../upgrade';
import { BillQuoteView } from './billing';
import {
  BillCode,
  CustomerId,
  Idr,
  JakartaInstant,
  PackageCode,
  Page,
  TicketNo,
  UpgradeId,
  UpgradeStatus,
  WorkOrderNo,
} from './scalars';
import { Appointments } from './visits';

export const UpgradeStep = z.strictObject({
  name: z.enum(UPGRADE_STEPS).describe('what happened; steps are listed in this order'),
  at: JakartaInstant,
});

export const UndeliveredNotice = z.strictObject({
  kind: z.string().describe('the notice, e.g. BILL_ISSUED'),
  channel: z.enum(['PUSH', 'INBOX', 'EMAIL']).nullable(),
  reason: z.string().describe('why the provider refused it for good'),
  at: JakartaInstant,
});

export const UpgradeView = z.strictObject({
  upgradeId: UpgradeId,
  workflowId: UpgradeId.describe('the Temporal workflow ID; equal to upgradeId'),
  customerId: CustomerId,
  fromPackageCode: PackageCode.nullable(),
  targetPackageCode: PackageCode,
  status: UpgradeStatus,
  requestedAt: JakartaInstant,
  steps: z.array(UpgradeStep),
  billCode: BillCode.nullable(),
  upgradeTicketNo: TicketNo.nullable(),
  upgradeWorkOrderNo: WorkOrderNo.nullable(),
  changeOntTicketNo: TicketNo.nullable(),
  maintenanceWorkOrderNo: WorkOrderNo.nullable(),
  failureReason: z.string().nullable().describe('why it FAILED, was CANCELLED or TERMINATED'),
  undeliveredNotices: z
    .array(UndeliveredNotice)
    .describe('notices a provider refused for good; the upgrade went on without them'),
  ontSwap: z
    .strictObject({
      awaitingSince: JakartaInstant,
      slaDeadline: JakartaInstant,
      escalatedAt: JakartaInstant.nullable(),
      replacedAt: JakartaInstant.nullable(),
      ...Appointments,
    })
    .nullable()
    .describe('set once the run waits for the technician'),
  links: z.strictObject({
    self: z.string(),
    bill: z.string().optional(),
    statement: z.string().optional(),
  }),
});

export const UpgradePage = z.strictObject({
  upgrades: z.array(UpgradeView).describe('newest first'),
  page: Page,
  pageSize: Page,
});

export const UpgradeAccepted = z.strictObject({
  upgradeId: UpgradeId,
  workflowId: UpgradeId,
  status: UpgradeStatus,
  created: z.boolean().describe('false when the same Idempotency-Key found an earlier request'),
  links: z.strictObject({ self: z.string(), customerUpgrades: z.string() }),
});

/** The quote on the confirm screen: the bill it would issue, with the credit and the rounding explained. */
export const UpgradeQuoteView = BillQuoteView.extend({
  credit: z
    .strictObject({
      packageName: z.string().describe('the package upgraded from, e.g. Stream 75 Semesterly'),
      priceIdr: Idr.describe('its price per term'),
      termMonths: z.number().int().describe('its term in months'),
      unusedMonths: z
        .number()
        .int()
        .describe(
          'whole months of its term not yet started: the credit is price × unusedMonths / termMonths',
        ),
    })
    .describe('what adjustmentIdr ("Penyesuaian Tagihan") is the credit for'),
  differenceIdr: Idr.describe('actualChargeIdr − adjustmentIdr, before rounding (0 at least)'),
  roundingIdr: z.number().int().describe('totalIdr − differenceIdr: the rounding to Rp 100, e.g. +33'),
});

export type UpgradeQuoteView = z.output<typeof UpgradeQuoteView>;
