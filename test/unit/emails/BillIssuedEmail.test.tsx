import { BillIssuedEmail, type BillIssuedEmailProps } from '../../../emails/BillIssuedEmail';
import { renderEmail } from '../../../emails/render';
import { describeEmail } from './helpers';

/** The deck's "Tagihan Customer" / "Billing Statement" for AHMAD TARMIZI (scenario A, Sem 75 → Sem 150). */
const props: BillIssuedEmailProps = BillIssuedEmail.PreviewProps; // the preview is this case

describe('BillIssuedEmail (Informasi Penerbitan Tagihan)', () => {
  const { rendered, seen } = describeEmail({
    kind: 'BILL_ISSUED',
    props,
    component: BillIssuedEmail,
    subject: 'Informasi Penerbitan Tagihan',
    customerName: 'AHMAD TARMIZI',
    packageNames: ['Stream 150 Semesterly'],
    firstWords: 'Terima kasih telah melakukan upgrade',
    sentences: [
      '21314849', // customer ID
      '202511712857', // bill code
      'Stream 150 Semesterly', // package
      '21.11.2025-22.05.2026', // billing month
      '21 November 2025', // billing date
      '28 November 2025', // due date
      'Tujuh Ratus Tujuh Puluh Satu Ribu Tujuh Ratus Rupiah', // total in words
    ],
    utf8: ['·'],
  });

  it('shows Actual Tagihan, Penyesuaian Tagihan and Total Tagihan in Indonesian rupiah', () => {
    for (const content of [seen(), rendered().text]) {
      expect(content).toMatch(/Actual Tagihan\s+Rp 1\.780\.000/);
      expect(content).toMatch(/Penyesuaian Tagihan\s+- Rp 1\.008\.333/);
      expect(content).toMatch(/Total Tagihan\s+Rp 771\.700/);
      expect(content).toContain('paling lambat 28 November 2025');
    }
  });

  it('links to the billing statement', () => {
    expect(rendered().html).toContain(`href="${props.statementUrl}"`);
    expect(rendered().text).toContain(props.statementUrl);
    expect(rendered().text).toContain('Lihat Billing Statement');
  });

  it('leaves out the words line when no total in words is given', async () => {
    const { totalInWords: _omitted, ...withoutWords } = props;
    const { text } = await renderEmail('BILL_ISSUED', withoutWords);
    expect(text).not.toContain('Terbilang');
    expect(text).toMatch(/Total Tagihan\s+Rp 771\.700/);
  });
});
