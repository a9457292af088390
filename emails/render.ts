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

export type EmailKind =
  | 'BILL_ISSUED'
  | 'ONT_SWAP_SCHEDULED'
  | 'ONT_SWAP_COMPLETED'
  | 'UPGRADE_CANCELLED'
  | 'ONT_VISIT_CANCELLED'
  | 'VISIT_BOOKED'
  | 'VISIT_MISSED'
  | 'PAYMENT_RECEIVED'
  | 'BILL_DUE_REMINDER';

export const EMAIL_KINDS: readonly EmailKind[] = [
  'BILL_ISSUED',
  'ONT_SWAP_SCHEDULED',
  'ONT_SWAP_COMPLETED',
  'UPGRADE_CANCELLED',
  'ONT_VISIT_CANCELLED',
  'VISIT_BOOKED',
  'VISIT_MISSED',
  'PAYMENT_RECEIVED',
  'BILL_DUE_REMINDER',
];

export interface EmailPropsMap {
  BILL_ISSUED: BillIssuedEmailProps;
  ONT_SWAP_SCHEDULED: OntReplacementScheduledEmailProps;
  ONT_SWAP_COMPLETED: OntReplacementCompletedEmailProps;
  UPGRADE_CANCELLED: UpgradeCancelledEmailProps;
  ONT_VISIT_CANCELLED: OntVisitCancelledEmailProps;
  VISIT_BOOKED: OntVisitScheduledEmailProps;
  VISIT_MISSED: OntVisitMissedEmailProps;
  PAYMENT_RECEIVED: PaymentReceiptEmailProps;
  BILL_DUE_REMINDER: BillDueReminderEmailProps;
}

/** Each kind's subject; `VISIT_BOOKED` says `Jadwal Kunjungan Teknisi Diubah` instead when the visit was moved. */
export const EMAIL_SUBJECTS: { readonly [K in EmailKind]: string } = {
  BILL_ISSUED: BILL_ISSUED_SUBJECT,
  ONT_SWAP_SCHEDULED: ONT_SWAP_SCHEDULED_SUBJECT,
  ONT_SWAP_COMPLETED: ONT_SWAP_COMPLETED_SUBJECT,
  UPGRADE_CANCELLED: UPGRADE_CANCELLED_SUBJECT,
  ONT_VISIT_CANCELLED: ONT_VISIT_CANCELLED_SUBJECT,
  VISIT_BOOKED: ONT_VISIT_SCHEDULED_SUBJECT,
  VISIT_MISSED: ONT_VISIT_MISSED_SUBJECT,
  PAYMENT_RECEIVED: PAYMENT_RECEIVED_SUBJECT,
  BILL_DUE_REMINDER: BILL_DUE_REMINDER_SUBJECT,
};

/** The kinds whose subject depends on their props. */
const SUBJECT_OF: { readonly [K in EmailKind]?: (props: EmailPropsMap[K]) => string } = {
  VISIT_BOOKED: (props) => ontVisitScheduledSubject(props.moved),
};

const COMPONENTS: { readonly [K in EmailKind]: ComponentType<EmailPropsMap[K]> } = {
  BILL_ISSUED: BillIssuedEmail,
  ONT_SWAP_SCHEDULED: OntReplacementScheduledEmail,
  ONT_SWAP_COMPLETED: OntReplacementCompletedEmail,
  UPGRADE_CANCELLED: UpgradeCancelledEmail,
  ONT_VISIT_CANCELLED: OntVisitCancelledEmail,
  VISIT_BOOKED: OntVisitScheduledEmail,
  VISIT_MISSED: OntVisitMissedEmail,
  PAYMENT_RECEIVED: PaymentReceiptEmail,
  BILL_DUE_REMINDER: BillDueReminderEmail,
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

/** Per kind, the names the greeting guard compares. */
const GREETABLE: { readonly [K in EmailKind]: (props: EmailPropsMap[K]) => Greetable } = {
  BILL_ISSUED: (props) => props,
  ONT_SWAP_SCHEDULED: (props) => props,
  ONT_SWAP_COMPLETED: (props) => props,
  UPGRADE_CANCELLED: (props) => ({ customerName: props.customerName, packageName: props.targetPackageName }),
  ONT_VISIT_CANCELLED: (props) => props,
  VISIT_BOOKED: (props) => props,
  VISIT_MISSED: (props) => props,
  PAYMENT_RECEIVED: (props) => props,
  BILL_DUE_REMINDER: (props) => props,
};

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
  assertGreetable(kind, (GREETABLE[kind] as (props: EmailPropsMap[K]) => Greetable)(props));
  const Component = COMPONENTS[kind] as ComponentType<EmailPropsMap[K]>;
  const element = createElement(Component, props);
  // Rendered once: the plain text is what `render(element, { plainText: true })` would convert the
  // same HTML to, without rendering it a second time.
  const html = await render(element);
  const text = toPlainText(html);
  const subjectOf = SUBJECT_OF[kind] as ((props: EmailPropsMap[K]) => string) | undefined;
  return { subject: subjectOf ? subjectOf(props) : EMAIL_SUBJECTS[kind], html, text };
}
