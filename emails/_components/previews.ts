/**
 * The deck's customers as the emails' previews show them (react-email's `PreviewProps`): AHMAD
 * TARMIZI's upgrade bill, FACHRI FATURACHMAN's ONT swap.
 */
import { formatVisit } from '../../domain/visits';
import type { BillEmailProps } from './BillPayment';

export const PREVIEW_BILL = {
  customerName: 'AHMAD TARMIZI',
  customerId: '21314849',
  billCode: '202511712857',
  packageName: 'Stream 150 Semesterly',
  statementUrl: 'https://selfcare.oxygen.id/billing/statements/202511712857',
} satisfies BillEmailProps;

/**
 * Scenario B (Yearly 50 → Yearly 200) as booked: the customer, the swap's work order, site and visit. What a
 * later event reports (the missed visit's reason, the new ONT) stays in the preview of the email about it.
 */
export const PREVIEW_SWAP = {
  customerName: 'FACHRI FATURACHMAN',
  workOrderNumber: 'WO-04112025-2825386',
  packageName: 'Stream 200 Yearly',
  installationAddress:
    'JL HAJI NAWIN 1 NO 16B RT 008 RW 03 KEL JATICEMPAKA KEC PONDOK GEDE KOTA BEKASI, JAWA BARAT',
  currentOntModel: 'ZTE F609',
  currentOntSerial: 'ZTEGC8F2A913',
  vendor: 'MISITEL',
  visitLabel: formatVisit('2025-11-24', '08-10'),
  appLink: 'oxygenid://upgrades/upgrade-21301029-7f3c2a10',
};

/** The swap's customer and work order with the named facts of it: what an ONT email's preview shows. */
export function swapPreview<F extends keyof typeof PREVIEW_SWAP>(...facts: F[]) {
  const preview: Partial<typeof PREVIEW_SWAP> = {
    customerName: PREVIEW_SWAP.customerName,
    workOrderNumber: PREVIEW_SWAP.workOrderNumber,
  };
  for (const fact of facts) preview[fact] = PREVIEW_SWAP[fact];
  return preview as Pick<typeof PREVIEW_SWAP, 'customerName' | 'workOrderNumber' | F>;
}
