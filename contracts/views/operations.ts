/** The CRM’s tickets and the Billing App’s work orders. */
import { z } from 'zod';
import {
  CustomerId,
  CustomerType,
  Idr,
  JakartaInstant,
  pageOf,
  TicketNo,
  UpgradeId,
  WorkOrderNo,
} from './scalars';
import { Appointments } from './visits';

export const TicketView = z.strictObject({
  ticketNo: TicketNo,
  kind: z.enum(['UPGRADE', 'CHANGE_ONT']),
  title: z.string(),
  description: z.string(),
  status: z.enum(['close', 'Open', 'Cancelled']).describe('as the CRM shows it'),
  createdBy: z.string(),
  mode: z.string(),
  customerType: CustomerType,
  notes: z.array(z.string()),
  createdAt: JakartaInstant,
  closedAt: JakartaInstant.nullable(),
  workOrderNo: WorkOrderNo.nullable(),
  upgradeId: UpgradeId.nullable(),
});

export const TicketList = z.strictObject({ tickets: z.array(TicketView).describe('newest first') });

export const WorkOrderView = z.strictObject({
  woNumber: WorkOrderNo,
  type: z.enum(['UPGRADE', 'MAINTENANCE']),
  status: z.enum(['DONE', 'Replacing', 'COMPLETED', 'CANCELLED']).describe('as the Billing App shows it'),
  package: z.string(),
  typePackage: z.string(),
  totalIdr: Idr,
  vendor: z.string().nullable(),
  fatCode: z.string().nullable(),
  fatPort: z.number().int().nullable(),
  customer: z.strictObject({ id: CustomerId, name: z.string(), customerType: CustomerType }),
  address: z.string().nullable(),
  homepass: z.string().nullable(),
  jobDescription: z.string().nullable(),
  ticketNo: TicketNo.nullable(),
  upgradeId: UpgradeId.nullable(),
  createdAt: JakartaInstant,
  completedAt: JakartaInstant.nullable(),
  cancelledAt: JakartaInstant.nullable(),
  cancelReason: z.string().nullable().describe('set when the upgrade it belongs to did not complete'),
  ...Appointments,
});

/** One staff read of a customer's personal data (UU PDP 27/2022): who, when, whose, what. */
export const AccessRecord = z.strictObject({
  at: JakartaInstant,
  reader: z.string().describe('the staff account (the token’s subject)'),
  role: z.string().describe('its role: cs, operator or technician'),
  customerId: CustomerId.nullable().describe('whose data; null when a decrypted payload named no customer'),
  workflowId: z.string().nullable().describe('the run whose payload the codec server decrypted, when known'),
  what: z.string().describe('the API operation (`getCustomerProfile`, `searchCustomers`…) or `codecDecode`'),
  resource: z.string().describe('the path read (no query string)'),
});
export const AccessRecords = pageOf('records', AccessRecord, 'newest first');
