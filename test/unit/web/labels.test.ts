/** Words for every code the screens show (web/src/lib/labels.ts), checked against the contract's enums. */
import { GATEWAY_METHODS, PAYMENT_METHOD_LABELS, paymentMethodLabel } from '../../../contracts/payments';
import { BillView, HomeView, JobCard, PaymentAttemptList } from '../../../contracts/views';
import {
  BILL_STATUS_WORDS,
  promoInWords,
  termsClauses,
  WORK_ORDER_STATUS_WORDS,
  withTerm,
} from '../../../web/src/lib/labels';

/** A word people read: no code (upper case with underscores) and not the code itself. */
const isWords = (word: string | undefined, code: string) =>
  typeof word === 'string' && word.length > 0 && !/^[A-Z_]+$/.test(word) && word !== code;

describe('one table of words per code set, with a word for every code of the contract', () => {
  it.each(BillView.shape.status.options)('bill status %s', (code) => {
    expect(isWords(BILL_STATUS_WORDS[code], code)).toBe(true);
  });

  const workOrderCodes = [
    ...JobCard.shape.status.options,
    ...HomeView.shape.technicianVisit.unwrap().shape.status.options,
  ];
  it.each(workOrderCodes)('work order status %s', (code) => {
    expect(isWords(WORK_ORDER_STATUS_WORDS[code as keyof typeof WORK_ORDER_STATUS_WORDS], code)).toBe(true);
  });

  it.each([...GATEWAY_METHODS, ...PaymentAttemptList.shape.methods.element.options])(
    'payment method %s',
    (code) => {
      expect(paymentMethodLabel(code)).toBe(PAYMENT_METHOD_LABELS[code]);
      expect(paymentMethodLabel(code)).not.toMatch(/_/);
    },
  );

  it('puts the Billing App’s term beside the word only where they differ (staff screens)', () => {
    expect(withTerm(WORK_ORDER_STATUS_WORDS.COMPLETED, 'COMPLETED')).toBe('Selesai (COMPLETED)');
    expect(withTerm('QRIS', 'QRIS')).toBe('QRIS');
  });
});

describe('promos and S&K as the customer reads them', () => {
  it('says the promo’s end and the package it goes back to, in words', () => {
    expect(promoInWords({ endsOn: '2027-04-07', fallbackPackageName: 'Stream 150 Semesterly' })).toBe(
      'Promo berlaku sampai 7 April 2027, lalu kembali ke Stream 150 Semesterly',
    );
  });

  it('takes the catalog’s numbers out of the clauses (the list numbers them)', () => {
    expect(
      termsClauses(['1. Paket berlaku 6 bulan.', '2) Harga sudah termasuk PPN 11%.', 'Tanpa nomor', '']),
    ).toEqual(['Paket berlaku 6 bulan.', 'Harga sudah termasuk PPN 11%.', 'Tanpa nomor']);
  });
});
