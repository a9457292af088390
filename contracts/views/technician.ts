/** What the technician app shows: the day’s visits and the job card of a work order. */
import { z } from 'zod';
import { VISIT_PENDING_CATEGORIES, VISIT_SLOTS } from '../../domain/visits';
import {
  CustomerId,
  CustomerType,
  JakartaInstant,
  LocalDate,
  OntBand,
  TicketNo,
  UpgradeId,
  WorkOrderNo,
} from './scalars';
import { Appointments } from './visits';

export const OntReplacementAccepted = z.strictObject({
  workOrderNumber: WorkOrderNo,
  upgradeId: UpgradeId,
  status: z.literal('ACCEPTED'),
  links: z.strictObject({ upgrade: z.string() }),
});

const VisitState = z
  .enum(['TO_BE_BOOKED', 'BOOKED', 'MISSED', 'DONE', 'CANCELLED'])
  .describe(
    'TO_BE_BOOKED: no visit booked yet (or again, after a missed one); BOOKED; MISSED; DONE: swapped; CANCELLED: the upgrade ended without a swap',
  );

export const TechnicianVisit = z.strictObject({
  workOrderNumber: WorkOrderNo,
  state: VisitState,
  date: LocalDate.nullable().describe('the visit’s day; null when it is still to be booked'),
  slot: z.enum(VISIT_SLOTS).nullable(),
  label: z.string().nullable().describe('the visit in Indonesian; null when it is still to be booked'),
  pendingCategory: z.enum(VISIT_PENDING_CATEGORIES).nullable().describe('why a MISSED visit was missed'),
  area: z.string().describe("the vendor's area (from the FAT code)"),
  customer: z.strictObject({ id: CustomerId, name: z.string(), customerType: CustomerType }),
  address: z.string().nullable(),
  dueAt: JakartaInstant.nullable().describe('when the swap is due (its SLA)'),
});

export const TechnicianVisitList = z.strictObject({
  vendor: z.string().describe('the technician’s installer vendor (from the token)'),
  date: LocalDate,
  area: z.string().nullable().describe('the area asked for; null: every area'),
  areas: z.array(z.string()).describe('the areas of the vendor’s open work orders and of this day’s visits'),
  toBeBookedTotal: z
    .number()
    .int()
    .min(0)
    .describe('how many of the vendor’s work orders (in the area asked for) are still to be booked'),
  visits: z
    .array(TechnicianVisit)
    .describe(
      'this day’s visits by slot (booked, missed, done), then the 50 most urgent work orders still to be booked (by SLA)',
    ),
});

export const JobCard = z.strictObject({
  woNumber: WorkOrderNo,
  type: z.literal('MAINTENANCE'),
  status: z.enum(['Replacing', 'COMPLETED', 'CANCELLED']).describe('as the Billing App shows it'),
  state: VisitState,
  vendor: z.string().nullable(),
  customer: z.strictObject({
    id: CustomerId,
    name: z.string(),
    customerType: CustomerType,
    phone: z.string(),
    email: z.string(),
  }),
  address: z.string().nullable(),
  homepass: z.strictObject({
    code: z.string(),
    id: z.string(),
    areaId: z.string().nullable(),
    clusterId: z.string().nullable(),
  }),
  area: z.string().describe("the vendor's area (from the FAT code), whose places per slot apply"),
  fatCode: z.string().nullable(),
  fatPort: z.number().int().nullable(),
  jobDescription: z.string().nullable(),
  ticketNo: TicketNo.nullable(),
  package: z.string().describe('the package the swap is for'),
  createdAt: JakartaInstant,
  dueAt: JakartaInstant.nullable(),
  completedAt: JakartaInstant.nullable(),
  cancelReason: z.string().nullable(),
  ont: z
    .strictObject({ serial: z.string(), model: z.string(), band: OntBand })
    .nullable()
    .describe('the ONT at the customer’s now (after the swap: the new one)'),
  ...Appointments,
});

export type TechnicianVisit = z.output<typeof TechnicianVisit>;
export type TechnicianVisitList = z.output<typeof TechnicianVisitList>;
export type JobCard = z.output<typeof JobCard>;
