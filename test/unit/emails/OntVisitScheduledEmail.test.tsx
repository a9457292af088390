import { formatVisit } from '../../../domain/visits';
import {
  OntVisitScheduledEmail,
  type OntVisitScheduledEmailProps,
} from '../../../emails/OntVisitScheduledEmail';
import { renderEmail } from '../../../emails/render';
import { describeEmail } from './helpers';

/** Scenario B: MISITEL books FACHRI FATURACHMAN's ONT swap for Monday morning. */
const props: OntVisitScheduledEmailProps = {
  customerName: 'FACHRI FATURACHMAN',
  workOrderNumber: 'WO-04112025-2825386',
  visitLabel: formatVisit('2025-11-24', '08-10'),
  vendor: 'MISITEL',
  address: 'JL HAJI NAWIN 1 NO 16B RT 008 RW 03 KEL JATICEMPAKA KEC PONDOK GEDE KOTA BEKASI, JAWA BARAT',
  moved: false,
  minLeadHours: 24,
  appLink: 'oxygenid://upgrades/upgrade-21301029-7f3c2a10',
};

const SENTENCES = [
  'Kunjungan teknisi untuk penggantian perangkat ONT kamu dengan nomor Work Order WO-04112025-2825386 telah dijadwalkan.',
  'Teknisi dari MISITEL akan datang pada Senin, 24 November 2025, 08.00–10.00 WIB.',
  'Pastikan ada yang dapat menerima teknisi di lokasi pada waktu tersebut.',
  'Kami akan mengingatkan kamu melalui aplikasi sehari sebelum kunjungan.',
  'Waktunya tidak sesuai? Kamu dapat mengubah jadwal kunjungan melalui aplikasi Selfcare Oxygen.id paling lambat 24 jam sebelum kunjungan dimulai.',
  'Sebutkan nomor Work Order di atas bila menghubungi Customer Care 1500780 tentang kunjungan ini.',
  'Terima kasih atas kepercayaannya menggunakan Oxygen.id.',
];

describe('OntVisitScheduledEmail (Jadwal Kunjungan Teknisi)', () => {
  const { rendered, seen } = describeEmail({
    kind: 'VISIT_BOOKED',
    props,
    component: OntVisitScheduledEmail,
    subject: 'Jadwal Kunjungan Teknisi untuk Penggantian ONT',
    customerName: 'FACHRI FATURACHMAN',
    firstWords: 'Kunjungan',
    sentences: SENTENCES,
    utf8: ['–'],
  });

  it('gives the visit, vendor, work order, device and address in the table', () => {
    for (const content of [seen(), rendered().text]) {
      expect(content).toMatch(/Jadwal Kunjungan\s+Senin, 24 November 2025, 08\.00–10\.00 WIB/);
      expect(content).toMatch(/Vendor Teknisi\s+MISITEL/);
      expect(content).toMatch(/Nomor Work Order\s+WO-04112025-2825386/);
      expect(content).toMatch(/Perangkat Pengganti\s+ONT Dual Band, tanpa biaya/);
      expect(content).toContain(props.address);
    }
  });

  it('links to the app, in HTML and in text', () => {
    expect(rendered().html).toContain(`href="${props.appLink}"`);
    expect(rendered().text).toContain(`Lihat Jadwal di Aplikasi ${props.appLink}`);
  });

  describe('when the visit was moved', () => {
    let moved: { subject: string; html: string; text: string };
    const movedProps = { ...props, moved: true, visitLabel: formatVisit('2025-11-26', '13-15') };

    beforeAll(async () => {
      moved = await renderEmail('VISIT_BOOKED', movedProps);
    });

    it('says so in the subject, the title and the first sentence', () => {
      expect(moved.subject).toBe('Jadwal Kunjungan Teknisi Diubah');
      expect(moved.html).toContain('<title>Jadwal Kunjungan Teknisi Diubah</title>');
      expect(moved.text).toContain('JADWAL KUNJUNGAN TEKNISI DIUBAH');
      expect(moved.text).toContain(
        'Jadwal kunjungan teknisi untuk penggantian perangkat ONT kamu dengan nomor Work Order WO-04112025-2825386 telah diubah.',
      );
      expect(moved.text).not.toContain('telah dijadwalkan');
    });

    it('shows the new slot as the new schedule', () => {
      expect(moved.text).toMatch(/Jadwal Baru\s+Rabu, 26 November 2025, 13\.00–15\.00 WIB/);
      expect(moved.text).toContain(
        'Teknisi dari MISITEL akan datang pada Rabu, 26 November 2025, 13.00–15.00 WIB.',
      );
      expect(moved.text).not.toContain('Senin, 24 November 2025');
    });
  });

  it.each([
    [48, 'paling lambat 48 jam sebelum kunjungan dimulai.'],
    [1.5, 'paling lambat 1,5 jam sebelum kunjungan dimulai.'],
    [0, 'melalui aplikasi Selfcare Oxygen.id sebelum kunjungan dimulai.'],
  ])('words a lead time of %p hours', async (minLeadHours, words) => {
    const { text } = await renderEmail('VISIT_BOOKED', { ...props, minLeadHours });
    expect(text).toContain(words);
  });

  it('exposes PreviewProps for the preview server', () => {
    expect(OntVisitScheduledEmail.PreviewProps.visitLabel).toBe(formatVisit('2025-11-24', '08-10'));
  });
});
