import { z } from 'zod';

export const CustomerIdParam = z.string().regex(/^\d{8}$/, 'customer ID must be 8 digits');
export const IdempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Idempotency-Key must be 1-64 letters, digits, "-" or "_"');
export const UpgradeIdParam = z
  .string()
  .regex(/^upgrade-\d{8}-[A-Za-z0-9_-]{1,64}$/, 'upgrade ID looks like upgrade-<customerId>-<key>');
export const PackageCode = z.string().regex(/^[A-Z0-9+-]{1,40}$/, 'package code looks like STREAM-150-SEM');

export const StartUpgradeBody = z.strictObject({ targetPackageCode: PackageCode });

export const PackageCodeParam = PackageCode;
export const BillCodeParam = z.string().regex(/^\d{12}$/, 'bill code is 12 digits (YYYYMM + 6)');
export const QuoteBody = z.strictObject({ targetPackageCode: PackageCode });
export const Pagination = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const WorkOrderNumberParam = z
  .string()
  .regex(/^WO-\d{8}-\d{7}$/, 'work order number looks like WO-04112025-2825386');
export const OntReplacementBody = z.strictObject({
  newOntSerial: z.string().regex(/^[A-Z0-9]{8,20}$/, 'ONT serial is 8-20 capital letters or digits'),
  newOntModel: z.string().trim().min(2).max(60),
  band: z.enum(['SINGLE', 'DUAL']),
  technician: z.string().trim().min(2).max(80).optional(),
  replacedAt: z.iso.datetime({ offset: true }).optional(),
});
export const UpgradeStatusQuery = z.strictObject({
  status: z.enum(['BILLING', 'AWAITING_ONT_SWAP', 'ESCALATED', 'COMPLETED', 'FAILED']).optional(),
  customerId: z
    .string()
    .regex(/^\d{8}$/, 'customer ID must be 8 digits')
    .optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const TicketQuery = z.strictObject({
  customerId: z.string().regex(/^\d{8}$/, 'customer ID must be 8 digits'),
});
