import { PaymentReceiptEmail, type PaymentReceiptEmailProps } from '../../../emails/PaymentReceiptEmail';
import { renderEmail } from '../../../emails/render';
import { describeEmail, greetingOf, visibleText } from './helpers';

/** Scenario A: AHMAD TARMIZI pays the upgrade bill by BCA virtual account the morning after it was issued. */
const props: PaymentReceiptEmailProps = PaymentReceiptEmail.PreviewProps; // the preview is this case

const SENTENCES = [
  'Pembayaran tagihan 202511712857 sebesar Rp 771.700 telah kami terima pada 22 November 2025, 10:15 WIB melalui Virtual Account BCA, dengan nomor referensi TRX-20251122-7G4K9Q.',
  'Terima kasih, tagihan kamu telah lunas.',
  'Billing Statement tagihan ini kini berstatus PAID (lunas) dan dapat kamu lihat kapan saja.',
  'Simpan email ini sebagai bukti pembayaran.',
  'Sebutkan nomor referensi di atas bila menghubungi Customer Care 1500780 tentang pembayaran ini.',
  'Terima kasih telah menggunakan layanan Oxygen.id.',
];

describe('PaymentReceiptEmail (Pembayaran Tagihan Diterima)', () => {
  const { rendered, seen } = describeEmail({
    kind: 'PAYMENT_RECEIVED',
    props,
    component: PaymentReceiptEmail,
    subject: 'Pembayaran Tagihan Diterima',
    customerName: 'AHMAD TARMIZI',
    // 'Stream 150' also covers a greeting with the package's short name.
    packageNames: ['Stream 150 Semesterly', 'Stream 150'],
    firstWords: 'Pembayaran tagihan',
    sentences: SENTENCES,
    utf8: ['·'],
  });

  it('writes no Invalid Date', () => {
    for (const content of [seen(), rendered().text]) expect(content).not.toContain('Invalid Date');
  });

  it('gives the customer, bill, payment time, method, reference and status in the table', () => {
    for (const content of [seen(), rendered().text]) {
      expect(content).toMatch(/Nama Pelanggan\s+AHMAD TARMIZI/);
      expect(content).toMatch(/Nomor Pelanggan\s+21314849/);
      expect(content).toMatch(/Nomor Tagihan\s+202511712857/);
      expect(content).toMatch(/Paket\s+Stream 150 Semesterly/);
      expect(content).toMatch(/Tanggal Pembayaran\s+22 November 2025, 10:15 WIB/);
      expect(content).toMatch(/Metode Pembayaran\s+Virtual Account BCA/);
      expect(content).toMatch(/Nomor Referensi\s+TRX-20251122-7G4K9Q/);
      expect(content).toMatch(/Status Tagihan\s+Lunas/);
      expect(content).toMatch(/Jumlah Dibayar\s+Rp 771\.700/);
    }
  });

  it.each([
    // Late evening UTC is already the next day in Jakarta.
    ['2025-11-21T18:05:00Z', '22 November 2025, 01:05 WIB'],
    ['2025-11-22T10:15:42+07:00', '22 November 2025, 10:15 WIB'],
    ['2025-12-31T17:00:00.000Z', '1 Januari 2026, 00:00 WIB'],
  ])('shows the payment instant %s in Jakarta time as %s', async (paidAt, shown) => {
    const { html, text } = await renderEmail('PAYMENT_RECEIVED', { ...props, paidAt });
    expect(text).toMatch(new RegExp(`Tanggal Pembayaran\\s+${shown}`));
    expect(visibleText(html)).toContain(`telah kami terima pada ${shown} melalui`);
  });

  it.each([
    ['QRIS', 1_780_000, 'Rp 1.780.000'],
    ['GoPay', 50_000, 'Rp 50.000'],
  ])('names the method %s and formats the amount as %s', async (methodLabel, amountIdr, shown) => {
    const { text } = await renderEmail('PAYMENT_RECEIVED', { ...props, methodLabel, amountIdr });
    expect(text).toContain(`sebesar ${shown} telah kami terima`);
    expect(text).toContain(`melalui ${methodLabel}, dengan nomor referensi`);
    expect(text).toMatch(new RegExp(`Jumlah Dibayar\\s+${shown.replaceAll('.', '\\.')}`));
  });

  it('links to the billing statement, in HTML and in text', () => {
    expect(rendered().html).toContain(`href="${props.statementUrl}"`);
    expect(rendered().text).toContain(`Lihat Billing Statement ${props.statementUrl}`);
  });

  it('refuses a payment time that is not an instant', async () => {
    await expect(renderEmail('PAYMENT_RECEIVED', { ...props, paidAt: 'kemarin' })).rejects.toThrow(
      RangeError,
    );
  });

  it('refuses to greet the customer with the package name', async () => {
    await expect(
      renderEmail('PAYMENT_RECEIVED', { ...props, customerName: 'Stream 150 Semesterly' }),
    ).rejects.toThrow(/PAYMENT_RECEIVED: customerName is the package name/);
  });

  it('exposes PreviewProps for the preview server', async () => {
    const preview = await renderEmail('PAYMENT_RECEIVED', PaymentReceiptEmail.PreviewProps);
    expect(greetingOf(preview.text)).toBe(PaymentReceiptEmail.PreviewProps.customerName);
  });
});
