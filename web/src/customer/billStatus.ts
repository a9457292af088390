/** A bill's status as the app says it, with the Billing App's own word beside it. */
export const BILL_STATUS_WORDS = {
  UNPAID: 'Belum dibayar',
  PAID: 'Lunas',
  VOID: 'Dibatalkan',
} as const;
