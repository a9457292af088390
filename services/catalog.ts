/** Catalog rows as domain specs and API views. */
import type { PackageDetailView, PackageView, PromoView } from '../contracts/views';
import { compareDates, isTermMonths, type LocalDate, type PackageSpec, promoLabel } from '../domain';
import type { Package } from '../prisma/generated/client';

export type PackageWithPromo = Package & { promoFallback?: Package | null };

export function toPackageSpec(row: Package): PackageSpec {
  if (!isTermMonths(row.termMonths))
    throw new Error(`package ${row.code} has an unknown term ${row.termMonths}`);
  return {
    code: row.code,
    name: row.name,
    line: row.line,
    speedMbps: row.speedMbps,
    termMonths: row.termMonths,
    priceIdr: row.priceIdr,
    requiresDualBand: row.requiresDualBand,
  };
}

/** `YYYY-MM-DD` of a `@db.Date` column (Prisma returns it as UTC midnight). */
export function dateOnly(value: Date): LocalDate {
  return value.toISOString().slice(0, 10);
}

/** The promo in force on `today`, or null once it has ended. */
export function activePromo(row: PackageWithPromo, today: LocalDate): PromoView | null {
  if (!row.promoName || !row.promoEndsOn) return null;
  const endsOn = dateOnly(row.promoEndsOn);
  if (compareDates(endsOn, today) < 0) return null;
  const fallbackName = row.promoFallback?.name ?? row.name;
  return {
    name: row.promoName,
    endsOn,
    fallbackPackageCode: row.promoFallbackCode ?? row.code,
    fallbackPackageName: fallbackName,
    label: promoLabel(endsOn, fallbackName),
  };
}

export function toPackageView(row: PackageWithPromo, today: LocalDate): PackageView {
  const spec = toPackageSpec(row);
  return {
    code: spec.code,
    name: spec.name,
    line: spec.line,
    speedMbps: spec.speedMbps,
    termMonths: spec.termMonths,
    priceIdr: spec.priceIdr,
    requiresDualBand: spec.requiresDualBand,
    tier: row.tier,
    promo: activePromo(row, today),
  };
}

export function toPackageDetailView(row: PackageWithPromo, today: LocalDate): PackageDetailView {
  return { ...toPackageView(row, today), termsAndConditions: row.termsAndConditions.split('\n') };
}

/** Speed, then term, then product line (Stream before Stream+): the order of View List Package. */
export function byCatalogOrder(a: PackageSpec, b: PackageSpec): number {
  return a.speedMbps - b.speedMbps || a.termMonths - b.termMonths || a.line.localeCompare(b.line);
}
