import { render } from 'react-email';
import { formatVisit, VISIT_PENDING_LABELS } from '../../../domain/visits';
import { OntVisitMissedEmail, type OntVisitMissedEmailProps } from '../../../emails/OntVisitMissedEmail';
import { renderEmail } from '../../../emails/render';
import {
  expectFooter,
  expectNoHtmlTags,
  expectNoMojibake,
  expectUtf8,
  greetingOf,
  visibleText,
} from './helpers';

/** Scenario B: the MISITEL technician found nobody home on Monday morning. */
const props: OntVisitMissedEmailProps = {
  customerName: 'FACHRI FATURACHMAN',
  workOrderNumber: 'WO-04112025-2825386',
  visitLabel: formatVisit('2025-11-24', '08-10'),
  reasonLabel: VISIT_PENDING_LABELS.CUSTOMER_NOT_HOME,
  remark: 'Rumah terkunci, pelanggan tidak dapat dihubungi.',
  appLink: 'oxygenid://upgrades/upgrade-21301029-7f3c2a10',
};

const SENTENCES = [
  'Kunjungan teknisi untuk penggantian perangkat ONT kamu dengan nomor Work Order WO-04112025-2825386 pada Senin, 24 November 2025, 08.00–10.00 WIB belum dapat terlaksana.',
  'Tim teknis kami akan segera menjadwalkan kunjungan baru tanpa biaya tambahan.',
  'Kamu akan menerima notifikasi berisi jadwal barunya.',
  'Setelah jadwal baru ditetapkan, kamu juga dapat melihat dan mengubahnya melalui aplikasi Selfcare Oxygen.id.',
  'Sebutkan nomor Work Order di atas bila menghubungi Customer Care 1500780 tentang kunjungan ini.',
  'Kami mohon maaf atas ketidaknyamanan ini.',
  'Terima kasih atas kepercayaannya menggunakan Oxygen.id.',
];

describe('OntVisitMissedEmail (Kunjungan Teknisi Belum Terlaksana)', () => {
  let rendered: { subject: string; html: string; text: string };
  let seen: string;

  beforeAll(async () => {
    rendered = await renderEmail('VISIT_MISSED', props);
    seen = visibleText(rendered.html);
  });

  it('has its subject, also as the document title', () => {
    expect(rendered.subject).toBe('Kunjungan Teknisi Belum Terlaksana');
    expect(rendered.html).toContain('<title>Kunjungan Teknisi Belum Terlaksana</title>');
  });

  it('greets the customer by name before anything else', () => {
    expect(greetingOf(rendered.text)).toBe('FACHRI FATURACHMAN');
    expect(seen).toContain('Halo FACHRI FATURACHMAN,');
    expect(rendered.text.indexOf('Halo FACHRI FATURACHMAN,')).toBeLessThan(
      rendered.text.indexOf('Kunjungan'),
    );
  });

  it.each(SENTENCES)('says: %s', (sentence) => {
    expect(seen).toContain(sentence);
    expect(rendered.text).toContain(sentence);
  });

  it('gives the work order, missed visit, reason and the technician’s note in the table', () => {
    for (const content of [seen, rendered.text]) {
      expect(content).toMatch(/Nomor Work Order\s+WO-04112025-2825386/);
      expect(content).toMatch(/Jadwal Kunjungan\s+Senin, 24 November 2025, 08\.00–10\.00 WIB/);
      expect(content).toMatch(/Status Kunjungan\s+Belum terlaksana/);
      expect(content).toMatch(/Alasan\s+Pelanggan tidak di rumah/);
      expect(content).toMatch(/Catatan Teknisi\s+Rumah terkunci, pelanggan tidak dapat dihubungi\./);
    }
  });

  it.each([null, '', '   '])('leaves out the note row when the remark is %j', async (remark) => {
    const { html, text } = await renderEmail('VISIT_MISSED', { ...props, remark });
    expect(text).not.toContain('Catatan Teknisi');
    expect(visibleText(html)).not.toContain('Catatan Teknisi');
    expect(text).toMatch(/Alasan\s+Pelanggan tidak di rumah/);
  });

  it.each(Object.values(VISIT_PENDING_LABELS))('shows the reason %j', async (reasonLabel) => {
    const { text } = await renderEmail('VISIT_MISSED', { ...props, reasonLabel });
    expect(text).toMatch(new RegExp(`Alasan\\s+${reasonLabel}`));
  });

  it('links to the app, in HTML and in text', () => {
    expect(rendered.html).toContain(`href="${props.appLink}"`);
    expect(rendered.text).toContain(`Buka Aplikasi Selfcare ${props.appLink}`);
  });

  it('signs off as Tim Oxygen.id and carries the footer', () => {
    expect(rendered.text).toMatch(/Salam hangat,\s+Tim Oxygen\.id/);
    expectFooter(seen);
    expectFooter(rendered.text);
  });

  it('leaks no placeholder or empty value', () => {
    for (const content of [seen, rendered.text]) {
      expect(content).not.toMatch(/undefined|null|NaN|\[object Object\]|\{\{|\}\}/);
    }
  });

  it('is clean UTF-8 without mojibake, and the text version has no markup', () => {
    expectUtf8(rendered.html, ['–']);
    expectUtf8(rendered.text, ['–']);
    expectNoMojibake(rendered.html);
    expectNoMojibake(rendered.text);
    expectNoHtmlTags(rendered.text);
  });

  it('escapes the technician’s note in HTML and keeps it verbatim in text', async () => {
    const remark = 'Pagar <b>terkunci</b> & anjing galak';
    const { html, text } = await renderEmail('VISIT_MISSED', { ...props, remark });
    expect(html).not.toContain('<b>terkunci</b>');
    expect(visibleText(html)).toContain(remark);
    expect(text).toContain(remark);
  });

  it('renders the same HTML through the component as through renderEmail', async () => {
    expect(await render(<OntVisitMissedEmail {...props} />)).toBe(rendered.html);
  });

  it('exposes PreviewProps for the preview server', () => {
    expect(Object.values(VISIT_PENDING_LABELS)).toContain(OntVisitMissedEmail.PreviewProps.reasonLabel);
  });
});
