import { render } from 'react-email';
import { BillIssuedEmail, type BillIssuedEmailProps } from '../../../emails/BillIssuedEmail';
import { renderEmail } from '../../../emails/render';
import {
  expectFooter,
  expectGreeting,
  expectNoHtmlTags,
  expectNoMojibake,
  expectUtf8,
  visibleText,
} from './helpers';

/** The deck's "Tagihan Customer" / "Billing Statement" for AHMAD TARMIZI (scenario A, Sem 75 → Sem 150). */
const props: BillIssuedEmailProps = {
  customerName: 'AHMAD TARMIZI',
  customerId: '21314849',
  billCode: '202511712857',
  packageName: 'Stream 150 Semesterly',
  actualAmount: 1_780_000,
  adjustmentAmount: 1_008_333,
  totalAmount: 771_700,
  totalInWords: 'Tujuh Ratus Tujuh Puluh Satu Ribu Tujuh Ratus Rupiah',
  billingDate: '2025-11-21',
  dueDate: '2025-11-28',
  billingPeriodStart: '2025-11-21',
  billingPeriodEnd: '2026-05-22',
  statementUrl: 'https://selfcare.oxygen.id/billing/statements/202511712857',
};

describe('BillIssuedEmail (Informasi Penerbitan Tagihan)', () => {
  let rendered: { subject: string; html: string; text: string };
  let seen: string;

  beforeAll(async () => {
    rendered = await renderEmail('BILL_ISSUED', props);
    seen = visibleText(rendered.html);
  });

  it('has the deck subject, also as the document title', () => {
    expect(rendered.subject).toBe('Informasi Penerbitan Tagihan');
    expect(rendered.html).toContain('<title>Informasi Penerbitan Tagihan</title>');
  });

  it('greets the customer by name, not by package', () => {
    expectGreeting(rendered, 'AHMAD TARMIZI', 'Stream 150 Semesterly');
  });

  it.each([
    ['customer ID', '21314849'],
    ['bill code', '202511712857'],
    ['package', 'Stream 150 Semesterly'],
    ['billing month', '21.11.2025-22.05.2026'],
    ['billing date', '21 November 2025'],
    ['due date', '28 November 2025'],
    ['total in words', 'Tujuh Ratus Tujuh Puluh Satu Ribu Tujuh Ratus Rupiah'],
  ])('shows the %s in HTML and text', (_fact, value) => {
    expect(seen).toContain(value);
    expect(rendered.text).toContain(value);
  });

  it('shows Actual Tagihan, Penyesuaian Tagihan and Total Tagihan in Indonesian rupiah', () => {
    for (const content of [seen, rendered.text]) {
      expect(content).toMatch(/Actual Tagihan\s+Rp 1\.780\.000/);
      expect(content).toMatch(/Penyesuaian Tagihan\s+- Rp 1\.008\.333/);
      expect(content).toMatch(/Total Tagihan\s+Rp 771\.700/);
      expect(content).toContain('paling lambat 28 November 2025');
    }
  });

  it('links to the billing statement', () => {
    expect(rendered.html).toContain(`href="${props.statementUrl}"`);
    expect(rendered.text).toContain(props.statementUrl);
    expect(rendered.text).toContain('Lihat Billing Statement');
  });

  it('carries the company footer and sign-off', () => {
    expectFooter(seen);
    expectFooter(rendered.text);
    expect(rendered.text).toMatch(/Salam hangat,\s+Tim Oxygen\.id/);
  });

  it('is clean UTF-8 without mojibake, and the text version has no markup', () => {
    expectNoMojibake(rendered.html);
    expectNoMojibake(rendered.text);
    expectUtf8(rendered.html, ['·']);
    expect(rendered.html).toContain('charset=UTF-8');
    expectNoHtmlTags(rendered.text);
  });

  it('leaves out the words line when no total in words is given', async () => {
    const { totalInWords: _omitted, ...withoutWords } = props;
    const { text } = await renderEmail('BILL_ISSUED', withoutWords);
    expect(text).not.toContain('Terbilang');
    expect(text).toMatch(/Total Tagihan\s+Rp 771\.700/);
  });

  it('renders the same HTML through the component as through renderEmail', async () => {
    expect(await render(<BillIssuedEmail {...props} />)).toBe(rendered.html);
  });
});
