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
