import BillDueReminderEmail from '../../../emails/BillDueReminderEmail';
import BillIssuedEmail from '../../../emails/BillIssuedEmail';
import OntReplacementCompletedEmail from '../../../emails/OntReplacementCompletedEmail';
import OntReplacementScheduledEmail from '../../../emails/OntReplacementScheduledEmail';
import OntVisitCancelledEmail from '../../../emails/OntVisitCancelledEmail';
import OntVisitMissedEmail from '../../../emails/OntVisitMissedEmail';
import OntVisitScheduledEmail from '../../../emails/OntVisitScheduledEmail';
import PaymentReceiptEmail from '../../../emails/PaymentReceiptEmail';
import { EMAIL_KINDS, EMAIL_SUBJECTS, EmailPropsError, renderEmail } from '../../../emails/render';
import UpgradeCancelledEmail from '../../../emails/UpgradeCancelledEmail';
import { expectNoHtmlTags, expectNoMojibake, greetingOf, visibleText } from './helpers';

const scheduled = OntReplacementScheduledEmail.PreviewProps;

describe('renderEmail', () => {
  it('knows one subject per kind', () => {
    expect(EMAIL_KINDS).toEqual([
      'BILL_ISSUED',
      'ONT_SWAP_SCHEDULED',
      'ONT_SWAP_COMPLETED',
      'UPGRADE_CANCELLED',
      'ONT_VISIT_CANCELLED',
      'VISIT_BOOKED',
      'VISIT_MISSED',
      'PAYMENT_RECEIVED',
      'BILL_DUE_REMINDER',
    ]);
    expect(EMAIL_SUBJECTS).toEqual({
      BILL_ISSUED: 'Informasi Penerbitan Tagihan',
      ONT_SWAP_SCHEDULED: 'Pergantian ONT',
      ONT_SWAP_COMPLETED: '[Oxygen.id] Penggantian Perangkat (ONT) Kamu Telah Berhasil',
      UPGRADE_CANCELLED: 'Upgrade Paket Dibatalkan',
      ONT_VISIT_CANCELLED: 'Kunjungan Penggantian ONT Dibatalkan',
      VISIT_BOOKED: 'Jadwal Kunjungan Teknisi untuk Penggantian ONT',
      VISIT_MISSED: 'Kunjungan Teknisi Belum Terlaksana',
      PAYMENT_RECEIVED: 'Pembayaran Tagihan Diterima',
      BILL_DUE_REMINDER: 'Pengingat: Tagihan Kamu Jatuh Tempo Besok',
    });
  });

  it('names a moved visit in the subject (the one subject that depends on the props)', async () => {
    const booked = OntVisitScheduledEmail.PreviewProps;
    expect((await renderEmail('VISIT_BOOKED', { ...booked, moved: false })).subject).toBe(
      EMAIL_SUBJECTS.VISIT_BOOKED,
    );
    expect((await renderEmail('VISIT_BOOKED', { ...booked, moved: true })).subject).toBe(
      'Jadwal Kunjungan Teknisi Diubah',
    );
  });

  it.each([
    [
      'BILL_ISSUED',
      BillIssuedEmail.PreviewProps.customerName,
      () => renderEmail('BILL_ISSUED', BillIssuedEmail.PreviewProps),
    ],
    [
      'ONT_SWAP_SCHEDULED',
      OntReplacementScheduledEmail.PreviewProps.customerName,
      () => renderEmail('ONT_SWAP_SCHEDULED', OntReplacementScheduledEmail.PreviewProps),
    ],
    [
      'ONT_SWAP_COMPLETED',
      OntReplacementCompletedEmail.PreviewProps.customerName,
      () => renderEmail('ONT_SWAP_COMPLETED', OntReplacementCompletedEmail.PreviewProps),
    ],
    [
      'UPGRADE_CANCELLED',
      UpgradeCancelledEmail.PreviewProps.customerName,
      () => renderEmail('UPGRADE_CANCELLED', UpgradeCancelledEmail.PreviewProps),
    ],
    [
      'ONT_VISIT_CANCELLED',
      OntVisitCancelledEmail.PreviewProps.customerName,
      () => renderEmail('ONT_VISIT_CANCELLED', OntVisitCancelledEmail.PreviewProps),
    ],
    [
      'VISIT_BOOKED',
      OntVisitScheduledEmail.PreviewProps.customerName,
      () => renderEmail('VISIT_BOOKED', OntVisitScheduledEmail.PreviewProps),
    ],
    [
      'VISIT_MISSED',
      OntVisitMissedEmail.PreviewProps.customerName,
      () => renderEmail('VISIT_MISSED', OntVisitMissedEmail.PreviewProps),
    ],
    [
      'PAYMENT_RECEIVED',
      PaymentReceiptEmail.PreviewProps.customerName,
      () => renderEmail('PAYMENT_RECEIVED', PaymentReceiptEmail.PreviewProps),
    ],
    [
      'BILL_DUE_REMINDER',
      BillDueReminderEmail.PreviewProps.customerName,
      () => renderEmail('BILL_DUE_REMINDER', BillDueReminderEmail.PreviewProps),
    ],
  ] as const)('renders %s from its PreviewProps', async (kind, customerName, renderPreview) => {
    const { subject, html, text } = await renderPreview();
    expect(subject).toBe(EMAIL_SUBJECTS[kind]);
    expect(html.startsWith('<!DOCTYPE html')).toBe(true);
    expect(greetingOf(text)).toBe(customerName);
    expectNoMojibake(html);
    expectNoHtmlTags(text);
  });

  it('refuses to greet the customer with the package name (the deck defect)', async () => {
    await expect(
      renderEmail('ONT_SWAP_SCHEDULED', { ...scheduled, customerName: 'Stream 200 Yearly' }),
    ).rejects.toThrow(EmailPropsError);
    await expect(
      renderEmail('ONT_SWAP_SCHEDULED', { ...scheduled, customerName: ' stream 200 yearly ' }),
    ).rejects.toThrow(/package name/);
  });

  it('checks the greeting of the cancellation emails too (target package for UPGRADE_CANCELLED)', async () => {
    const cancelled = UpgradeCancelledEmail.PreviewProps;
    await expect(
      renderEmail('UPGRADE_CANCELLED', { ...cancelled, customerName: cancelled.targetPackageName }),
    ).rejects.toThrow(/UPGRADE_CANCELLED: customerName is the package name/);
    await expect(renderEmail('UPGRADE_CANCELLED', { ...cancelled, customerName: '' })).rejects.toThrow(
      EmailPropsError,
    );
    const visit = OntVisitCancelledEmail.PreviewProps;
    await expect(
      renderEmail('ONT_VISIT_CANCELLED', { ...visit, customerName: visit.packageName.toUpperCase() }),
    ).rejects.toThrow(/ONT_VISIT_CANCELLED: customerName is the package name/);
  });

  it('refuses an empty customer name', async () => {
    await expect(renderEmail('ONT_SWAP_SCHEDULED', { ...scheduled, customerName: '  ' })).rejects.toThrow(
      EmailPropsError,
    );
    await expect(
      renderEmail('VISIT_BOOKED', { ...OntVisitScheduledEmail.PreviewProps, customerName: '' }),
    ).rejects.toThrow(/VISIT_BOOKED: customerName is empty/);
    await expect(
      renderEmail('VISIT_MISSED', { ...OntVisitMissedEmail.PreviewProps, customerName: ' ' }),
    ).rejects.toThrow(/VISIT_MISSED: customerName is empty/);
  });

  it('escapes customer data in HTML and keeps it verbatim in text', async () => {
    const customerName = "SITI NUR'AINI <b>& CO</b>";
    const { html, text } = await renderEmail('ONT_SWAP_SCHEDULED', { ...scheduled, customerName });
    expect(html).not.toContain('<b>& CO</b>');
    expect(html).toContain('&lt;b&gt;&amp; CO&lt;/b&gt;');
    expect(visibleText(html)).toContain(`Halo ${customerName},`);
    expect(greetingOf(text)).toBe(customerName);
  });
});
