/** A bill's status in words (the one table: lib/labels.ts). */
export { BILL_STATUS_WORDS } from '../lib/labels';
