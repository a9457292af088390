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

/** A screenshot of the email `kind` with `props`, saved as `file` (by default the kind, e.g. `bill-issued.png`). */
const shot = <K extends EmailKind>(
  kind: K,
  props: EmailPropsMap[K],
  file = `${kind.toLowerCase().replaceAll('_', '-')}.png`,
) => ({ kind, file, props }) as Shot;

/**
 * The deck's customers: AHMAD TARMIZI's bill (scenario A), its reminder the day before it is due, its
 * payment received and its cancelled upgrade; FACHRI FATURACHMAN's ONT swap (scenario B), its booked
 * and missed visits, and its cancelled visit.
 */
const SHOTS: Shot[] = [
  shot('BILL_ISSUED', BillIssuedEmail.PreviewProps),
  shot('BILL_DUE_REMINDER', BillDueReminderEmail.PreviewProps),
  shot('PAYMENT_RECEIVED', PaymentReceiptEmail.PreviewProps),
  shot('ONT_SWAP_SCHEDULED', OntReplacementScheduledEmail.PreviewProps),
  shot('ONT_SWAP_COMPLETED', OntReplacementCompletedEmail.PreviewProps),
  shot('VISIT_BOOKED', OntVisitScheduledEmail.PreviewProps, 'ont-visit-scheduled.png'),
  shot('VISIT_MISSED', OntVisitMissedEmail.PreviewProps, 'ont-visit-missed.png'),
  shot('UPGRADE_CANCELLED', UpgradeCancelledEmail.PreviewProps),
  shot('ONT_VISIT_CANCELLED', OntVisitCancelledEmail.PreviewProps),
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
