import {
  OntReplacementScheduledEmail,
  type OntReplacementScheduledEmailProps,
} from '../../../emails/OntReplacementScheduledEmail';
import { renderEmail } from '../../../emails/render';
import { describeEmail } from './helpers';

/** Scenario B (Yearly 50 → Yearly 200, ONT still single band), FACHRI FATURACHMAN's WO Maintenance. */
const props: OntReplacementScheduledEmailProps = OntReplacementScheduledEmail.PreviewProps; // the preview is this case

/** The deck's copy with its defects fixed (name greeting, full stop, real em dash and 🙏). */
const DECK_SENTENCES = [
  'Selamat! Permintaan Upgrade Package kamu ke Stream 200 Yearly telah berhasil kami proses.',
  'Namun, sistem mendeteksi bahwa perangkat ONT kamu saat ini masih Single Band, sementara paket barumu memerlukan perangkat Dual Band agar performa internet maksimal dapat kamu nikmati.',
  'Jangan khawatir — tim teknis kami akan segera menjadwalkan penggantian perangkat ONT di lokasi kamu tanpa biaya tambahan apapun.',
  'Kamu akan menerima notifikasi tambahan saat proses penggantian berhasil dilakukan.',
  'Terima kasih atas kepercayaannya menggunakan Oxygen.id 🙏',
];

describe('OntReplacementScheduledEmail (Pergantian ONT)', () => {
  const { rendered, seen } = describeEmail({
    kind: 'ONT_SWAP_SCHEDULED',
    props,
    component: OntReplacementScheduledEmail,
    subject: 'Pergantian ONT',
    customerName: 'FACHRI FATURACHMAN',
    packageNames: ['Stream 200 Yearly'],
    firstWords: 'Selamat!',
    sentences: DECK_SENTENCES,
    utf8: ['—', '🙏'],
  });

  it('gives the work order, address and current device for reference', () => {
    for (const content of [seen(), rendered().text]) {
      expect(content).toContain('WO-04112025-2825386');
      expect(content).toContain(props.installationAddress);
      expect(content).toContain('ZTE F609 (Single Band)');
      expect(content).toContain('ZTEGC8F2A913');
    }
  });

  it('writes the em dash and 🙏 as their UTF-8 bytes, not the deck mojibake', () => {
    const bytes = Buffer.from(rendered().html, 'utf8');
    expect(bytes.includes(Buffer.from([0xe2, 0x80, 0x94]))).toBe(true);
    expect(bytes.includes(Buffer.from([0xf0, 0x9f, 0x99, 0x8f]))).toBe(true);
    expect(rendered().text).not.toContain('🙙');
  });

  it('still renders when the current ONT is unknown', async () => {
    const { currentOntModel: _model, currentOntSerial: _serial, ...minimal } = props;
    const { text } = await renderEmail('ONT_SWAP_SCHEDULED', minimal);
    expect(text).toMatch(/Perangkat ONT Saat Ini\s+Single Band/);
    expect(text).not.toContain('Serial Number');
    expect(text).toContain('WO-04112025-2825386');
  });

  it('exposes PreviewProps for the preview server', () => {
    expect(OntReplacementScheduledEmail.PreviewProps.customerName).not.toBe(
      OntReplacementScheduledEmail.PreviewProps.packageName,
    );
  });
});
