/** Renders the customer emails to subject + HTML + plain text, ready for the mail sender. */
import { type ComponentType, createElement } from 'react';
import { render, toPlainText } from 'react-email';
import {
  BILL_DUE_REMINDER_SUBJECT,
  BillDueReminderEmail,
  type BillDueReminderEmailProps,
} from './BillDueReminderEmail';
import { BILL_ISSUED_SUBJECT, BillIssuedEmail, type BillIssuedEmailProps } from './BillIssuedEmail';
import {
  ONT_SWAP_COMPLETED_SUBJECT,
  OntReplacementCompletedEmail,
  type OntReplacementCompletedEmailProps,
} from './OntReplacementCompletedEmail';
import {
  ONT_SWAP_SCHEDULED_SUBJECT,
  OntReplacementScheduledEmail,
  type OntReplacementScheduledEmailProps,
} from './OntReplacementScheduledEmail';
import {
  ONT_VISIT_CANCELLED_SUBJECT,
  OntVisitCancelledEmail,
  type OntVisitCancelledEmailProps,
} from './OntVisitCancelledEmail';
import {
  ONT_VISIT_MISSED_SUBJECT,
  OntVisitMissedEmail,
  type OntVisitMissedEmailProps,
} from './OntVisitMissedEmail';
import {
  ONT_VISIT_SCHEDULED_SUBJECT,
  OntVisitScheduledEmail,
  type OntVisitScheduledEmailProps,
  ontVisitScheduledSubject,
} from './OntVisitScheduledEmail';
import {
  PAYMENT_RECEIVED_SUBJECT,
  PaymentReceiptEmail,
  type PaymentReceiptEmailProps,
} from './PaymentReceiptEmail';
import {
  UPGRADE_CANCELLED_SUBJECT,
  UpgradeCancelledEmail,
  type UpgradeCancelledEmailProps,
} from './UpgradeCancelledEmail';

export type {
  BillDueReminderEmailProps,
  BillIssuedEmailProps,
  OntReplacementCompletedEmailProps,
  OntReplacementScheduledEmailProps,
  OntVisitCancelledEmailProps,
  OntVisitMissedEmailProps,
  OntVisitScheduledEmailProps,
  PaymentReceiptEmailProps,
  UpgradeCancelledEmailProps,
};

/** One email: its component, its subject, and the names its greeting guard compares. */
interface EmailSpec<P extends Greetable> {
  component: ComponentType<P>;
  subject: string;
  /** When the subject depends on the props (a moved visit). */
  subjectOf?: (props: P) => string;
  /** The names the greeting guard compares, when they are not the props' `customerName` and `packageName`. */
  greeting?: (props: P) => Greetable;
}

/** An entry of the table: the component's props are the email's (inferred from the component). */
const email = <P extends Greetable>(
  component: ComponentType<P>,
  subject: string,
  more: Omit<EmailSpec<P>, 'component' | 'subject'> = {},
): EmailSpec<P> => ({ component, subject, ...more });

/** Every customer email, one entry each: adding an email is its component plus one line here. */
const EMAILS = {
  BILL_ISSUED: email(BillIssuedEmail, BILL_ISSUED_SUBJECT),
  ONT_SWAP_SCHEDULED: email(OntReplacementScheduledEmail, ONT_SWAP_SCHEDULED_SUBJECT),
  ONT_SWAP_COMPLETED: email(OntReplacementCompletedEmail, ONT_SWAP_COMPLETED_SUBJECT),
  UPGRADE_CANCELLED: email(UpgradeCancelledEmail, UPGRADE_CANCELLED_SUBJECT, {
    greeting: (props) => ({ customerName: props.customerName, packageName: props.targetPackageName }),
  }),
  ONT_VISIT_CANCELLED: email(OntVisitCancelledEmail, ONT_VISIT_CANCELLED_SUBJECT),
  VISIT_BOOKED: email(OntVisitScheduledEmail, ONT_VISIT_SCHEDULED_SUBJECT, {
    subjectOf: (props) => ontVisitScheduledSubject(props.moved),
  }),
  VISIT_MISSED: email(OntVisitMissedEmail, ONT_VISIT_MISSED_SUBJECT),
  PAYMENT_RECEIVED: email(PaymentReceiptEmail, PAYMENT_RECEIVED_SUBJECT),
  BILL_DUE_REMINDER: email(BillDueReminderEmail, BILL_DUE_REMINDER_SUBJECT),
  // biome-ignore lint/suspicious/noExplicitAny: each entry is checked against its own props by email<P>()
} as const satisfies Record<string, EmailSpec<any>>;

export type EmailKind = keyof typeof EMAILS;

export type EmailPropsMap = {
  [K in EmailKind]: (typeof EMAILS)[K] extends EmailSpec<infer P> ? P : never;
};

export const EMAIL_KINDS = Object.keys(EMAILS) as EmailKind[];

/** Each kind's subject; `VISIT_BOOKED` says `Jadwal Kunjungan Teknisi Diubah` instead when the visit was moved. */
export const EMAIL_SUBJECTS = Object.fromEntries(EMAIL_KINDS.map((kind) => [kind, EMAILS[kind].subject])) as {
  readonly [K in EmailKind]: string;
};

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Props that cannot make a correct email (retrying will not help). */
export class EmailPropsError extends Error {
  override readonly name = 'EmailPropsError';
}

/**
 * Guards the greeting: every email says `Halo <customer name>,`. An empty name, or a package name passed
 * where the customer's name belongs (the deck's `Halo Stream 200 Yearly,`), is refused.
 */
interface Greetable {
  customerName: string;
  /**
   * The package name the email shows most prominently: what a wrong greeting would most likely carry.
   * The visit emails name no package.
   */
  packageName?: string;
}

function assertGreetable(kind: EmailKind, props: Greetable): void {
  const name = props.customerName.trim();
  if (name === '') throw new EmailPropsError(`${kind}: customerName is empty`);
  if (props.packageName !== undefined && name.toLowerCase() === props.packageName.trim().toLowerCase()) {
    throw new EmailPropsError(`${kind}: customerName is the package name (${name}); greet the customer`);
  }
}

export async function renderEmail<K extends EmailKind>(
  kind: K,
  props: EmailPropsMap[K],
): Promise<RenderedEmail> {
  // One kind's entry, read with its own props (TypeScript cannot correlate EMAILS[K] and K's props).
  const spec = EMAILS[kind] as unknown as EmailSpec<Greetable>;
  const given = props as Greetable;
  assertGreetable(kind, spec.greeting ? spec.greeting(given) : given);
  const element = createElement(spec.component, given);
  // Rendered once: the plain text is what `render(element, { plainText: true })` would convert the
  // same HTML to, without rendering it a second time.
  const html = await render(element);
  const text = toPlainText(html);
  return { subject: spec.subjectOf ? spec.subjectOf(given) : spec.subject, html, text };
}
