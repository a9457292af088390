import { renderEmail } from '../../../emails/render';
import {
  UpgradeCancelledEmail,
  type UpgradeCancelledEmailProps,
} from '../../../emails/UpgradeCancelledEmail';
import { describeEmail, visibleText } from './helpers';

/** Scenario A (Sem 75 → Sem 150) failing for good before the switch: AHMAD TARMIZI's bill is voided. */
const props: UpgradeCancelledEmailProps = UpgradeCancelledEmail.PreviewProps; // the preview is this case

const BILL_SENTENCE = 'Tagihan 202511712857 sebesar Rp 771.700 telah dibatalkan dan tidak perlu dibayar.';

describe('UpgradeCancelledEmail (Upgrade Paket Dibatalkan)', () => {
  const { rendered, seen } = describeEmail({
    kind: 'UPGRADE_CANCELLED',
    props,
    component: UpgradeCancelledEmail,
    subject: 'Upgrade Paket Dibatalkan',
    customerName: 'AHMAD TARMIZI',
    packageNames: ['Stream 150 Semesterly', 'Stream 75 Semesterly'],
    firstWords: 'Mohon maaf',
    sentences: [
      'Mohon maaf, permintaan upgrade paket kamu ke Stream 150 Semesterly tidak dapat kami proses',
      'Paket kamu tetap Stream 75 Semesterly',
      BILL_SENTENCE,
      'Kami mohon maaf atas ketidaknyamanan ini.',
      'Kamu dapat mencoba upgrade kembali kapan saja melalui aplikasi Selfcare Oxygen.id',
      'hubungi Customer Care 1500780 jika membutuhkan bantuan',
    ],
    utf8: ['·'],
  });

  it('lists the request with the kept package and the cancelled bill', () => {
    for (const content of [seen(), rendered().text]) {
      expect(content).toMatch(/Paket Saat Ini\s+Stream 75 Semesterly \(tetap aktif\)/);
      expect(content).toMatch(/Paket Tujuan\s+Stream 150 Semesterly/);
      expect(content).toMatch(/Status Upgrade\s+Dibatalkan/);
      expect(content).toMatch(/Nomor Tagihan\s+202511712857/);
      expect(content).toMatch(/Total Tagihan\s+Rp 771\.700 \(dibatalkan\)/);
    }
  });

  it('never asks for payment', () => {
    for (const content of [seen(), rendered().text]) {
      expect(content).not.toMatch(/mohon lakukan pembayaran|paling lambat|jatuh tempo/i);
    }
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

  it('exposes PreviewProps for the preview server', () => {
    const preview = UpgradeCancelledEmail.PreviewProps;
    expect(preview.customerName).not.toBe(preview.targetPackageName);
    expect(preview.customerName).not.toBe(preview.currentPackageName);
  });
});
