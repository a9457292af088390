/** The packages on sale and their promos. */
import { z } from 'zod';
import { Idr, LocalDate, PackageCode, ProductLine } from './scalars';

export const PromoView = z.strictObject({
  name: z.string(),
  endsOn: LocalDate,
  fallbackPackageCode: PackageCode,
  fallbackPackageName: z.string().describe('the package it goes back to, e.g. Stream 150 Semesterly'),
  label: z
    .string()
    .describe('as the Billing App shows it: END PROMO : 21-MAR-2026 BACK TO STREAM 150 SEMESTERLY'),
});

export const PackageView = z.strictObject({
  code: PackageCode,
  name: z.string().describe('e.g. Stream 150 Semesterly'),
  line: ProductLine,
  speedMbps: z.number().int().positive(),
  termMonths: z.number().int().describe('1 (Monthly), 6 (Semesterly) or 12 (Yearly)'),
  priceIdr: Idr,
  requiresDualBand: z.boolean(),
  tier: z.number().int(),
  promo: PromoView.nullable().describe('the promo in force today, if any'),
});

export const PackageDetailView = PackageView.extend({
  termsAndConditions: z.array(z.string()).describe('the S&K, one clause per item'),
});

export const PackageList = z.strictObject({
  packages: z.array(PackageView).describe('active packages, by speed, then term, then product line'),
});

export type PromoView = z.output<typeof PromoView>;
export type PackageView = z.output<typeof PackageView>;
export type PackageDetailView = z.output<typeof PackageDetailView>;
