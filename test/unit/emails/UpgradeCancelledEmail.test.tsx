import { render } from 'react-email';
import { renderEmail } from '../../../emails/render';
import {
  UpgradeCancelledEmail,
  type UpgradeCancelledEmailProps,
} from '../../../emails/UpgradeCancelledEmail';
import {
  expectFooter,
  expectGreeting,
  expectNoHtmlTags,
  expectNoMojibake,
  expectUtf8,
  visibleText,
} from './helpers';

/** Scenario A (Sem 75 → Sem 150) failing for good before the switch: AHMAD TARMIZI's bill is voided. */
const props: UpgradeCancelledEmailProps = {
  customerName: 'AHMAD TARMIZI',
  currentPackageName: 'Stream 75 Semesterly',
  targetPackageName: 'Stream 150 Semesterly',
  billCode: '202511712857',
  billTotalIdr: 771_700,
  reason: 'FAILED',
};

const BILL_SENTENCE = 'Tagihan 202511712857 sebesar Rp 771.700 telah dibatalkan dan tidak perlu dibayar.';

describe('UpgradeCancelledEmail (Upgrade Paket Dibatalkan)', () => {
  let rendered: { subject: string; html: string; text: string };
  let seen: string;

  beforeAll(async () => {
    rendered = await renderEmail('UPGRADE_CANCELLED', props);
    seen = visibleText(rendered.html);
  });

  it('has its subject, also as the document title', () => {
    expect(rendered.subject).toBe('Upgrade Paket Dibatalkan');
    expect(rendered.html).toContain('<title>Upgrade Paket Dibatalkan</title>');
  });

  it('greets the customer by name, neither by the target nor by the current package', () => {
    expectGreeting(rendered, 'AHMAD TARMIZI', 'Stream 150 Semesterly');
    expectGreeting(rendered, 'AHMAD TARMIZI', 'Stream 75 Semesterly');
  });

  it.each([
    [
      'the upgrade could not be processed',
      'Mohon maaf, permintaan upgrade paket kamu ke Stream 150 Semesterly tidak dapat kami proses',
    ],
    ['the package stays', 'Paket kamu tetap Stream 75 Semesterly'],
    ['the bill is cancelled', BILL_SENTENCE],
    ['the apology', 'Kami mohon maaf atas ketidaknyamanan ini.'],
    [
      'the way to try again',
      'Kamu dapat mencoba upgrade kembali kapan saja melalui aplikasi Selfcare Oxygen.id',
    ],
    ['Customer Care', 'hubungi Customer Care 1500780 jika membutuhkan bantuan'],
  ])('says %s in HTML and text', (_fact, sentence) => {
    expect(seen).toContain(sentence);
    expect(rendered.text).toContain(sentence);
  });

  it('lists the request with the kept package and the cancelled bill', () => {
    for (const content of [seen, rendered.text]) {
      expect(content).toMatch(/Paket Saat Ini\s+Stream 75 Semesterly \(tetap aktif\)/);
      expect(content).toMatch(/Paket Tujuan\s+Stream 150 Semesterly/);
      expect(content).toMatch(/Status Upgrade\s+Dibatalkan/);
      expect(content).toMatch(/Nomor Tagihan\s+202511712857/);
      expect(content).toMatch(/Total Tagihan\s+Rp 771\.700 \(dibatalkan\)/);
    }
  });

  it('never asks for payment', () => {
    for (const content of [seen, rendered.text]) {
      expect(content).not.toMatch(/mohon lakukan pembayaran|paling lambat|jatuh tempo/i);
    }
  });

  it('signs off as Tim Oxygen.id and carries the footer', () => {
    expect(rendered.text).toMatch(/Salam hangat,\s+Tim Oxygen\.id/);
    expectFooter(seen);
    expectFooter(rendered.text);
  });

  it('is clean UTF-8 without mojibake, and the text version has no markup', () => {
    expectUtf8(rendered.html, ['·']);
    expectNoMojibake(rendered.html);
    expectNoMojibake(rendered.text);
    expectNoHtmlTags(rendered.text);
  });

  it('has no bill sentence nor bill rows when no bill was issued', async () => {
    const { html, text } = await renderEmail('UPGRADE_CANCELLED', {
      ...props,
      billCode: null,
      billTotalIdr: null,
    });
    for (const content of [visibleText(html), text]) {
      expect(content).not.toContain('Tagihan 202511712857');
      expect(content).not.toContain('tidak perlu dibayar');
      expect(content).not.toContain('Nomor Tagihan');
      expect(content).not.toContain('Total Tagihan');
      expect(content).not.toContain('Rp ');
      expect(content).toContain('Paket kamu tetap Stream 75 Semesterly');
    }
  });

  it('ignores a total without a bill code, and names the bill without a total', async () => {
    const totalOnly = await renderEmail('UPGRADE_CANCELLED', { ...props, billCode: null });
    expect(totalOnly.text).not.toContain('Rp 771.700');
    expect(totalOnly.text).not.toContain('tidak perlu dibayar');

    const codeOnly = await renderEmail('UPGRADE_CANCELLED', { ...props, billTotalIdr: null });
    expect(codeOnly.text).toContain('Tagihan 202511712857 telah dibatalkan dan tidak perlu dibayar.');
    expect(codeOnly.text).not.toContain('Total Tagihan');
    expect(codeOnly.text).not.toContain('Rp ');
  });

  it.each([
    ['FAILED', 'tidak dapat kami proses karena terjadi kendala pada sistem kami.'],
    ['CANCELLED', 'tidak dapat kami proses dan telah dibatalkan oleh tim kami.'],
    ['TERMINATED', 'tidak dapat kami proses dan telah dihentikan.'],
  ] as const)('words the %s ending neutrally', async (reason, ending) => {
    const { html, text } = await renderEmail('UPGRADE_CANCELLED', { ...props, reason });
    const sentence = `permintaan upgrade paket kamu ke Stream 150 Semesterly ${ending}`;
    expect(text).toContain(sentence);
    expect(visibleText(html)).toContain(sentence);
    for (const content of [html, text]) {
      expect(content).not.toContain(reason);
      expect(content).not.toMatch(/error|exception|timeout|workflow/i);
    }
  });

  it('renders the same HTML through the component as through renderEmail', async () => {
    expect(await render(<UpgradeCancelledEmail {...props} />)).toBe(rendered.html);
  });

  it('exposes PreviewProps for the preview server', () => {
    const preview = UpgradeCancelledEmail.PreviewProps;
    expect(preview.customerName).not.toBe(preview.targetPackageName);
    expect(preview.customerName).not.toBe(preview.currentPackageName);
  });
});
