/** What the activities are built from: the database, the providers' stand-ins or clients, the settings. */
import type { BillPaymentInput } from '../contracts/payments';
import type { Database } from '../platform/database';
import type { Logger } from '../platform/logger';
import type { EmailTransport } from '../platform/notifications/email-transport';
import type { PushGateway } from '../platform/notifications/push-gateway';
import type { PaymentGateway } from '../services/payment-gateway';

export interface ActivityDependencies {
  db: Database;
  logger: Logger;
  email: EmailTransport;
  push: PushGateway;
  emailFrom: string;
  /** The statement link of a bill's email (its own token, valid while the bill is open plus a margin). */
  statementUrl: (bill: { billCode: string; customerId: string; dueDate: Date }) => Promise<string>;
  /** Hours before a visit until which the customer may move it (VISIT_MOVE_LEAD_HOURS). */
  visitMoveLeadHours?: number;
  /**
   * Starts the bill's own run (reminder, receipt): `BillPaymentWorkflow` `bill-<billCode>`, once
   * (an existing run is left alone). Unset where no Temporal client is at hand (tests of steps).
   */
  startBillPayment?: (input: BillPaymentInput) => Promise<void>;
  /**
   * Ends the run of a bill just voided (a cancel request; a run already closed is left alone), so
   * it stops listing among the bills awaiting payment. Unset where no Temporal client is at hand.
   */
  endBillPayment?: (billCode: string) => Promise<void>;
  /** The payment gateway the bill's run asks when a notification is late (checkPaymentAttempt). */
  paymentGateway?: PaymentGateway;
}
