/**
 * Words for the codes the API answers, one table per code set, for the screens people read: a
 * customer never sees `UNPAID` or `Replacing` (payment methods are put in words by the API:
 * contracts/payments.ts). Staff screens may put the Billing App's
 * own term beside the word (`withTerm`); the ISP's product names are shown as the deck writes them.
 * test/unit/web/labels.test.ts checks every code of the contract's enums has its word.
 */
import type { components } from '../api/schema';
import { formatLongDate } from './format';

type Schemas = components['schemas'];

/** A bill's status (BillView.status). */
export const BILL_STATUS_WORDS = {
  UNPAID: 'Belum dibayar',
  PAID: 'Lunas',
  VOID: 'Dibatalkan',
} as const satisfies Record<Schemas['BillView']['status'], string>;

/**
 * A maintenance work order's status, as the Billing App writes it (JobCard.status) or as the
 * API's enum has it (HomeView.technicianVisit.status).
 */
export const WORK_ORDER_STATUS_WORDS = {
  Replacing: 'Menunggu penggantian ONT',
  REPLACING: 'Menunggu penggantian ONT',
  DONE: 'Selesai',
  COMPLETED: 'Selesai',
  CANCELLED: 'Dibatalkan',
} as const satisfies Record<
  Schemas['JobCard']['status'] | NonNullable<Schemas['HomeView']['technicianVisit']>['status'],
  string
>;

/** A word with the Billing App's term beside it, for staff screens: `Selesai (COMPLETED)`. */
export const withTerm = (word: string, term: string): string => (word === term ? word : `${word} (${term})`);

/**
 * A promo as the customer reads it: `Promo berlaku sampai 7 April 2027, lalu kembali ke Stream
 * 150 Semesterly`. (The Billing App's `END PROMO : 07-APR-2027 BACK TO …` is for staff.)
 */
export function promoInWords(promo: Pick<Schemas['PromoView'], 'endsOn' | 'fallbackPackageName'>): string {
  return `Promo berlaku sampai ${formatLongDate(promo.endsOn)}, lalu kembali ke ${promo.fallbackPackageName}`;
}

/** The S&K clauses without the numbers the catalog writes in them (`1. Paket …`): an ordered list numbers them. */
export function termsClauses(clauses: readonly string[]): string[] {
  return clauses.map((clause) => clause.replace(/^\s*\d+[.)]\s*/, '').trim()).filter(Boolean);
}
