import { formatJakartaDateTime } from '../../../emails/_components/dateTime';
import {
  OntReplacementCompletedEmail,
  type OntReplacementCompletedEmailProps,
} from '../../../emails/OntReplacementCompletedEmail';
import { renderEmail } from '../../../emails/render';
import { describeEmail } from './helpers';

/** Scenario B after the technician reported the swap. */
const props: OntReplacementCompletedEmailProps = OntReplacementCompletedEmail.PreviewProps; // the preview is this case

describe('OntReplacementCompletedEmail', () => {
  const { rendered, seen } = describeEmail({
    kind: 'ONT_SWAP_COMPLETED',
    props,
    component: OntReplacementCompletedEmail,
    subject: '[Oxygen.id] Penggantian Perangkat (ONT) Kamu Telah Berhasil',
    customerName: 'FACHRI FATURACHMAN',
    packageNames: ['Stream 200 Yearly'],
    firstWords: 'Kami informasikan',
    sentences: [
      'Kami informasikan bahwa proses penggantian perangkat ONT kamu telah berhasil dilakukan.',
      'Sekarang kamu sudah menggunakan perangkat Dual Band yang mendukung kecepatan internet paket barumu Stream 200 Yearly.',
      'Jika ada kendala, hubungi Customer Care 1500780',
    ],
    utf8: ['·'],
  });

  it('gives the new device, its type, when it was swapped and the work order', () => {
    for (const content of [seen(), rendered().text]) {
      expect(content).toContain('ZTE F670L');
      expect(content).toContain('ZTEGD4B71C05');
      expect(content).toMatch(/Tipe Perangkat\s+Dual Band/);
      expect(content).toContain('6 November 2025, 16:26 WIB');
      expect(content).toContain('WO-04112025-2825386');
    }
  });

  it('leaves the work order row out when none is given', async () => {
    const { workOrderNumber: _wo, ...withoutWo } = props;
    const { text } = await renderEmail('ONT_SWAP_COMPLETED', withoutWo);
    expect(text).not.toContain('Nomor Work Order');
  });
});

describe('formatJakartaDateTime', () => {
  it.each([
    ['2025-11-06T09:26:00.000Z', '6 November 2025, 16:26 WIB'],
    ['2025-11-06T18:30:00Z', '7 November 2025, 01:30 WIB'],
    ['2025-11-06T16:26:00+07:00', '6 November 2025, 16:26 WIB'],
    ['2025-11-06', '6 November 2025'],
  ])('%s → %s', (input, expected) => {
    expect(formatJakartaDateTime(input)).toBe(expected);
  });

  it('accepts a Date', () => {
    expect(formatJakartaDateTime(new Date(Date.UTC(2025, 10, 30, 17, 5)))).toBe('1 Desember 2025, 00:05 WIB');
  });

  it('refuses what is not a date', () => {
    expect(() => formatJakartaDateTime('besok')).toThrow(RangeError);
  });
});
