import { BillDueReminderEmail, type BillDueReminderEmailProps } from '../../../emails/BillDueReminderEmail';
import { renderEmail } from '../../../emails/render';
import { describeEmail, greetingOf, visibleText } from './helpers';

/** Scenario A: AHMAD TARMIZI's upgrade bill, still unpaid the day before its due date (28-NOV-25). */
const props: BillDueReminderEmailProps = BillDueReminderEmail.PreviewProps; // the preview is this case

const SENTENCES = [
  'Kami ingin mengingatkan bahwa tagihan paket Stream 150 Semesterly kamu dengan nomor tagihan 202511712857 akan jatuh tempo besok, 28 November 2025.',
  'Terbilang: Tujuh Ratus Tujuh Puluh Satu Ribu Tujuh Ratus Rupiah',
  'Mohon lakukan pembayaran sebesar Rp 771.700 paling lambat 28 November 2025.',
  'Bayar dengan mudah melalui aplikasi Selfcare Oxygen.id: pilih tagihan ini, lalu bayar dengan Virtual Account bank, QRIS, atau e-wallet.',
  'Abaikan email ini jika kamu sudah melakukan pembayaran.',
  'Terima kasih telah menggunakan layanan Oxygen.id.',
];

describe('BillDueReminderEmail (Pengingat: Tagihan Kamu Jatuh Tempo Besok)', () => {
  const { rendered, seen } = describeEmail({
    kind: 'BILL_DUE_REMINDER',
    props,
    component: BillDueReminderEmail,
    subject: 'Pengingat: Tagihan Kamu Jatuh Tempo Besok',
    customerName: 'AHMAD TARMIZI',
    // 'Stream 150' also covers a greeting with the package's short name.
    packageNames: ['Stream 150 Semesterly', 'Stream 150'],
    firstWords: 'Kami ingin mengingatkan',
    sentences: SENTENCES,
    utf8: ['·'],
  });

  it('writes no Invalid Date', () => {
    for (const content of [seen(), rendered().text]) expect(content).not.toContain('Invalid Date');
  });

  it('gives the customer, bill, due date and total in the tables', () => {
    for (const content of [seen(), rendered().text]) {
      expect(content).toMatch(/Nama Pelanggan\s+AHMAD TARMIZI/);
      expect(content).toMatch(/Nomor Pelanggan\s+21314849/);
      expect(content).toMatch(/Nomor Tagihan\s+202511712857/);
      expect(content).toMatch(/Paket\s+Stream 150 Semesterly/);
      expect(content).toMatch(/Tanggal Jatuh Tempo\s+28 November 2025/);
      expect(content).toMatch(/Total Tagihan\s+Rp 771\.700/);
    }
  });

  it.each([
    ['2026-01-01', '1 Januari 2026'],
    ['2026-03-09', '9 Maret 2026'],
  ])('writes the due date %s as %s', async (dueDate, shown) => {
    const { html, text } = await renderEmail('BILL_DUE_REMINDER', { ...props, dueDate });
    for (const content of [visibleText(html), text]) {
      expect(content).toContain(`akan jatuh tempo besok, ${shown}.`);
      expect(content).toMatch(new RegExp(`Tanggal Jatuh Tempo\\s+${shown}`));
      expect(content).toContain(`paling lambat ${shown}.`);
    }
  });

  it('formats a larger total like the bill email', async () => {
    const { text } = await renderEmail('BILL_DUE_REMINDER', {
      ...props,
      totalIdr: 1_780_000,
      totalInWords: 'Satu Juta Tujuh Ratus Delapan Puluh Ribu Rupiah',
    });
    expect(text).toMatch(/Total Tagihan\s+Rp 1\.780\.000/);
    expect(text).toContain('pembayaran sebesar Rp 1.780.000 paling lambat');
    expect(text).toContain('Terbilang: Satu Juta Tujuh Ratus Delapan Puluh Ribu Rupiah');
  });

  it('refuses a due date that is not a YYYY-MM-DD day', async () => {
    await expect(renderEmail('BILL_DUE_REMINDER', { ...props, dueDate: '28-11-2025' })).rejects.toThrow(
      RangeError,
    );
  });

  it('links to the billing statement, in HTML and in text', () => {
    expect(rendered().html).toContain(`href="${props.statementUrl}"`);
    expect(rendered().text).toContain(`Lihat Billing Statement ${props.statementUrl}`);
  });

  it('refuses to greet the customer with the package name', async () => {
    await expect(
      renderEmail('BILL_DUE_REMINDER', { ...props, customerName: ' stream 150 semesterly ' }),
    ).rejects.toThrow(/BILL_DUE_REMINDER: customerName is the package name/);
  });

  it('exposes PreviewProps for the preview server', async () => {
    const preview = await renderEmail('BILL_DUE_REMINDER', BillDueReminderEmail.PreviewProps);
    expect(greetingOf(preview.text)).toBe(BillDueReminderEmail.PreviewProps.customerName);
  });
});
