/**
 * The deck's customers as the emails' previews show them (react-email's `PreviewProps`): AHMAD
 * TARMIZI's upgrade bill, FACHRI FATURACHMAN's ONT swap.
 */
import type { BillEmailProps } from './BillPayment';

export const PREVIEW_BILL = {
  customerName: 'AHMAD TARMIZI',
  customerId: '21314849',
  billCode: '202511712857',
  packageName: 'Stream 150 Semesterly',
  statementUrl: 'https://selfcare.oxygen.id/billing/statements/202511712857',
} satisfies BillEmailProps;

export const PREVIEW_SWAP = {
  customerName: 'FACHRI FATURACHMAN',
  workOrderNumber: 'WO-04112025-2825386',
};
