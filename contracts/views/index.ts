/**
 * The JSON shapes the API answers with, as zod schemas, and their TypeScript types inferred from
 * them, one file per area: the one source of the response bodies of the OpenAPI document (api/openapi.ts),
 * of the types services build views with, and of what the statement page and tests read. Each
 * schema is strict (no field beyond those listed), so a route that starts answering something
 * else fails the contract test (test/integration/openapi.test.ts) and the fuzzer; each handler's
 * return type is checked against the schema of its answer (api/operation.ts).
 *
 * Money is integer rupiah; calendar days are `YYYY-MM-DD`; instants are ISO 8601 with the
 * Asia/Jakarta offset (`2025-11-21T13:34:28+07:00`) — except inside an upgrade's progress,
 * which the workflow records in UTC (`2025-11-21T06:34:28.123Z`).
 */

import {
  BillLineView,
  BillPage,
  BillQuoteView,
  BillView,
  MidtransNotificationAnswer,
  PaymentAttemptList,
  PaymentAttemptView,
  PaymentRecorded,
} from './billing';
import { PackageDetailView, PackageList, PackageView, PromoView } from './catalog';
import { HomeView, PaymentPage, PaymentView, SubscriptionView, UpgradeOptions } from './customer';
import {
  CsAuditEntry,
  CsAuditTrail,
  CsCancelAnswer,
  CsCustomerMatch,
  CsCustomerProfile,
  CsCustomerSearch,
  CsNoteAnswer,
  CsNotice,
  CsNotices,
  CsResendAnswer,
  CsVisitAnswer,
  CsWorkOrders,
} from './customer-service';
import { Health, Liveness, OpenApiDocument, Readiness } from './health';
import {
  DeviceNotification,
  DeviceNotifications,
  Inbox,
  InboxItem,
  Outbox,
  OutboxMessage,
} from './notifications';
import { AccessRecord, AccessRecords, TicketList, TicketView, WorkOrderView } from './operations';
import { DevCustomerList, DevSession, Me, WebClientSettings } from './sign-in';
import { JobCard, OntReplacementAccepted, TechnicianVisitList } from './technician';
import { UpgradeAccepted, UpgradePage, UpgradeQuoteView, UpgradeStep, UpgradeView } from './upgrade';
import { AppointmentAnswer, AppointmentView, AvailableSlots } from './visits';

export * from './billing';
export * from './catalog';
export * from './customer';
export * from './customer-service';
export * from './health';
export * from './notifications';
export * from './operations';
export { CustomerType, Idr, JakartaInstant, LocalDate, OntBand, ProductLine, UpgradeStatus } from './scalars';
export * from './sign-in';
export * from './technician';
export * from './upgrade';
export * from './visits';

/** Every named response schema; each becomes `#/components/schemas/<name>` in the document. */
export const RESPONSE_SCHEMAS = {
  PaymentRecorded,
  PaymentAttemptView,
  PaymentAttemptList,
  MidtransNotificationAnswer,
  AppointmentView,
  AppointmentAnswer,
  AvailableSlots,
  PromoView,
  PackageView,
  PackageDetailView,
  PackageList,
  SubscriptionView,
  UpgradeOptions,
  PaymentView,
  PaymentPage,
  BillLineView,
  BillQuoteView,
  UpgradeQuoteView,
  BillView,
  BillPage,
  UpgradeStep,
  UpgradeView,
  UpgradePage,
  UpgradeAccepted,
  HomeView,
  OntReplacementAccepted,
  TechnicianVisitList,
  JobCard,
  InboxItem,
  Inbox,
  OutboxMessage,
  Outbox,
  DeviceNotification,
  DeviceNotifications,
  WebClientSettings,
  Me,
  DevCustomerList,
  DevSession,
  TicketView,
  TicketList,
  WorkOrderView,
  AccessRecord,
  AccessRecords,
  CsCustomerMatch,
  CsCustomerSearch,
  CsCustomerProfile,
  CsWorkOrders,
  CsNotice,
  CsNotices,
  CsAuditEntry,
  CsAuditTrail,
  CsCancelAnswer,
  CsVisitAnswer,
  CsResendAnswer,
  CsNoteAnswer,
  Health,
  Liveness,
  Readiness,
  OpenApiDocument,
} as const;
