import { formatVisit, VISIT_PENDING_LABELS } from '../../../domain/visits';
import { OntVisitMissedEmail, type OntVisitMissedEmailProps } from '../../../emails/OntVisitMissedEmail';
import { renderEmail } from '../../../emails/render';
import { describeEmail, visibleText } from './helpers';

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
  const { rendered, seen } = describeEmail({
    kind: 'VISIT_MISSED',
    props,
    component: OntVisitMissedEmail,
    subject: 'Kunjungan Teknisi Belum Terlaksana',
    customerName: 'FACHRI FATURACHMAN',
    firstWords: 'Kunjungan',
    sentences: SENTENCES,
    utf8: ['–'],
  });

  it('gives the work order, missed visit, reason and the technician’s note in the table', () => {
    for (const content of [seen(), rendered().text]) {
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
    expect(rendered().html).toContain(`href="${props.appLink}"`);
    expect(rendered().text).toContain(`Buka Aplikasi Selfcare ${props.appLink}`);
  });

  it('escapes the technician’s note in HTML and keeps it verbatim in text', async () => {
    const remark = 'Pagar <b>terkunci</b> & anjing galak';
    const { html, text } = await renderEmail('VISIT_MISSED', { ...props, remark });
    expect(html).not.toContain('<b>terkunci</b>');
    expect(visibleText(html)).toContain(remark);
    expect(text).toContain(remark);
  });

  it('exposes PreviewProps for the preview server', () => {
    expect(Object.values(VISIT_PENDING_LABELS)).toContain(OntVisitMissedEmail.PreviewProps.reasonLabel);
  });
});
