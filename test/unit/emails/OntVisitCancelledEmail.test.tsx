import {
  OntVisitCancelledEmail,
  type OntVisitCancelledEmailProps,
} from '../../../emails/OntVisitCancelledEmail';
import { describeEmail } from './helpers';

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
  const { rendered, seen } = describeEmail({
    kind: 'ONT_VISIT_CANCELLED',
    props,
    component: OntVisitCancelledEmail,
    subject: 'Kunjungan Penggantian ONT Dibatalkan',
    customerName: 'FACHRI FATURACHMAN',
    packageNames: ['Stream 200 Yearly'],
    firstWords: 'Kami informasikan',
    sentences: SENTENCES,
    utf8: ['·'],
  });

  it('gives the work order, package, device and address for reference', () => {
    for (const content of [seen(), rendered().text]) {
      expect(content).toMatch(/Nomor Work Order\s+WO-04112025-2825386/);
      expect(content).toMatch(/Status Kunjungan\s+Dibatalkan/);
      expect(content).toMatch(/Paket\s+Stream 200 Yearly \(tetap aktif\)/);
      expect(content).toMatch(/Perangkat yang Dibutuhkan\s+ONT Dual Band, tanpa biaya/);
      expect(content).toContain(props.installationAddress);
    }
  });

  it('exposes PreviewProps for the preview server', () => {
    expect(OntVisitCancelledEmail.PreviewProps.customerName).not.toBe(
      OntVisitCancelledEmail.PreviewProps.packageName,
    );
  });
});
