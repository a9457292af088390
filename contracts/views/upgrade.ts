/** An upgrade as the API shows it: its steps, its notices refused for good, its ONT swap. */
import { z } from 'zod';
import { UPGRADE_STEPS } from '../upgrade';
import {
  BillCode,
  CustomerId,
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
