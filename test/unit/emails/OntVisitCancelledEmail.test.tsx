import { render } from 'react-email';
import {
  OntVisitCancelledEmail,
  type OntVisitCancelledEmailProps,
} from '../../../emails/OntVisitCancelledEmail';
import { renderEmail } from '../../../emails/render';
import {
  expectFooter,
  expectGreeting,
  expectNoHtmlTags,
  expectNoMojibake,
  expectUtf8,
  visibleText,
} from './helpers';

/** Scenario B after the switch to Yearly 200: FACHRI FATURACHMAN's maintenance visit is cancelled. */
const props: OntVisitCancelledEmailProps = {
  customerName: 'FACHRI FATURACHMAN',
  packageName: 'Stream 200 Yearly',
  workOrderNumber: 'WO-04112025-2825386',
  installationAddress:
    'JL HAJI NAWIN 1 NO 16B RT 008 RW 03 KEL JATICEMPAKA KEC PONDOK GEDE KOTA BEKASI, JAWA BARAT',
};

const SENTENCES = [
  'Kami informasikan bahwa kunjungan teknisi untuk penggantian perangkat ONT kamu dengan nomor Work Order WO-04112025-2825386 telah dibatalkan.',
  'Paket Stream 200 Yearly kamu tetap aktif dan dapat digunakan seperti biasa.',
  'Paket barumu memerlukan perangkat ONT Dual Band agar kecepatan internet maksimal dapat kamu nikmati.',
  'Hubungi Customer Care 1500780 untuk menjadwalkan ulang kunjungan teknisi tanpa biaya tambahan.',
  'Kami mohon maaf atas ketidaknyamanan ini.',
  'Terima kasih atas kepercayaannya menggunakan Oxygen.id.',
];

describe('OntVisitCancelledEmail (Kunjungan Penggantian ONT Dibatalkan)', () => {
  let rendered: { subject: string; html: string; text: string };
  let seen: string;

  beforeAll(async () => {
    rendered = await renderEmail('ONT_VISIT_CANCELLED', props);
    seen = visibleText(rendered.html);
  });

  it('has its subject, also as the document title', () => {
    expect(rendered.subject).toBe('Kunjungan Penggantian ONT Dibatalkan');
    expect(rendered.html).toContain('<title>Kunjungan Penggantian ONT Dibatalkan</title>');
  });

  it('greets the customer by name, never by the package', () => {
    expectGreeting(rendered, 'FACHRI FATURACHMAN', 'Stream 200 Yearly');
  });

  it.each(SENTENCES)('says: %s', (sentence) => {
    expect(seen).toContain(sentence);
    expect(rendered.text).toContain(sentence);
  });

  it('gives the work order, package, device and address for reference', () => {
    for (const content of [seen, rendered.text]) {
      expect(content).toMatch(/Nomor Work Order\s+WO-04112025-2825386/);
      expect(content).toMatch(/Status Kunjungan\s+Dibatalkan/);
      expect(content).toMatch(/Paket\s+Stream 200 Yearly \(tetap aktif\)/);
      expect(content).toMatch(/Perangkat yang Dibutuhkan\s+ONT Dual Band, tanpa biaya/);
      expect(content).toContain(props.installationAddress);
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

  it('renders the same HTML through the component as through renderEmail', async () => {
    expect(await render(<OntVisitCancelledEmail {...props} />)).toBe(rendered.html);
  });

  it('exposes PreviewProps for the preview server', () => {
    expect(OntVisitCancelledEmail.PreviewProps.customerName).not.toBe(
      OntVisitCancelledEmail.PreviewProps.packageName,
    );
  });
});
