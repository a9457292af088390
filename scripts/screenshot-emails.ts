/**
 * Renders the customer emails and saves full-page PNGs to docs/emails/, for review.
 *
 *   npx tsx scripts/screenshot-emails.ts
 *
 * Needs a Chromium binary: CHROMIUM_PATH, else /usr/bin/chromium (Debian: apt-get install chromium).
 * The page gets no network: every request it tries is aborted, so the PNG shows what an offline
 * mail client would show.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import BillDueReminderEmail from '../emails/BillDueReminderEmail';
import BillIssuedEmail from '../emails/BillIssuedEmail';
import OntReplacementCompletedEmail from '../emails/OntReplacementCompletedEmail';
import OntReplacementScheduledEmail from '../emails/OntReplacementScheduledEmail';
import OntVisitCancelledEmail from '../emails/OntVisitCancelledEmail';
import OntVisitMissedEmail from '../emails/OntVisitMissedEmail';
import OntVisitScheduledEmail from '../emails/OntVisitScheduledEmail';
import PaymentReceiptEmail from '../emails/PaymentReceiptEmail';
import { type EmailKind, type EmailPropsMap, renderEmail } from '../emails/render';
import UpgradeCancelledEmail from '../emails/UpgradeCancelledEmail';
import { launchChromium } from './lib/chromium';

const OUT_DIR = path.resolve(__dirname, '..', 'docs', 'emails');
const VIEWPORT = { width: 700, height: 900 };

type Shot = { [K in EmailKind]: { kind: K; file: string; props: EmailPropsMap[K] } }[EmailKind];

/**
 * The deck's customers: AHMAD TARMIZI's bill (scenario A), its reminder the day before it is due, its
 * payment received and its cancelled upgrade; FACHRI FATURACHMAN's ONT swap (scenario B), its booked
 * and missed visits, and its cancelled visit.
 */
const SHOTS: Shot[] = [
  { kind: 'BILL_ISSUED', file: 'bill-issued.png', props: BillIssuedEmail.PreviewProps },
  { kind: 'BILL_DUE_REMINDER', file: 'bill-due-reminder.png', props: BillDueReminderEmail.PreviewProps },
  { kind: 'PAYMENT_RECEIVED', file: 'payment-received.png', props: PaymentReceiptEmail.PreviewProps },
  {
    kind: 'ONT_SWAP_SCHEDULED',
    file: 'ont-swap-scheduled.png',
    props: OntReplacementScheduledEmail.PreviewProps,
  },
  {
    kind: 'ONT_SWAP_COMPLETED',
    file: 'ont-swap-completed.png',
    props: OntReplacementCompletedEmail.PreviewProps,
  },
  { kind: 'VISIT_BOOKED', file: 'ont-visit-scheduled.png', props: OntVisitScheduledEmail.PreviewProps },
  { kind: 'VISIT_MISSED', file: 'ont-visit-missed.png', props: OntVisitMissedEmail.PreviewProps },
  { kind: 'UPGRADE_CANCELLED', file: 'upgrade-cancelled.png', props: UpgradeCancelledEmail.PreviewProps },
  {
    kind: 'ONT_VISIT_CANCELLED',
    file: 'ont-visit-cancelled.png',
    props: OntVisitCancelledEmail.PreviewProps,
  },
];

function renderShot<K extends EmailKind>(shot: { kind: K; props: EmailPropsMap[K] }) {
  return renderEmail(shot.kind, shot.props);
}

async function main(): Promise<void> {
  await mkdir(OUT_DIR, { recursive: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    await page.route('**/*', (route) => route.abort());
    for (const shot of SHOTS) {
      const { subject, html } = await renderShot(shot);
      await page.setContent(html, { waitUntil: 'load' });
      const file = path.join(OUT_DIR, shot.file);
      await page.screenshot({ path: file, fullPage: true });
      console.log(
        `${shot.kind.padEnd(19)} ${subject}\n${' '.repeat(20)}→ ${path.relative(process.cwd(), file)}`,
      );
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
