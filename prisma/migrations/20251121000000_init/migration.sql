-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ProductLine" AS ENUM ('STREAM', 'STREAM_PLUS');

-- CreateEnum
CREATE TYPE "CustomerType" AS ENUM ('REGULAR', 'VIP');

-- CreateEnum
CREATE TYPE "SubscriptionStatus" AS ENUM ('ACTIVE', 'SUSPENDED', 'TERMINATED');

-- CreateEnum
CREATE TYPE "OntBand" AS ENUM ('SINGLE', 'DUAL');

-- CreateEnum
CREATE TYPE "OntStatus" AS ENUM ('ACTIVE', 'REPLACED');

-- CreateEnum
CREATE TYPE "BillStatus" AS ENUM ('UNPAID', 'PAID');

-- CreateEnum
CREATE TYPE "TicketKind" AS ENUM ('UPGRADE', 'CHANGE_ONT');

-- CreateEnum
CREATE TYPE "TicketStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "WorkOrderType" AS ENUM ('UPGRADE', 'MAINTENANCE');

-- CreateEnum
CREATE TYPE "WorkOrderStatus" AS ENUM ('DONE', 'REPLACING', 'COMPLETED');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('PUSH', 'INBOX', 'EMAIL');

-- CreateEnum
CREATE TYPE "UpgradeStatus" AS ENUM ('BILLING', 'AWAITING_ONT_SWAP', 'ESCALATED', 'COMPLETED', 'FAILED');

-- CreateTable
CREATE TABLE "Customer" (
    "id" VARCHAR(8) NOT NULL,
    "name" TEXT NOT NULL,
    "customerType" "CustomerType" NOT NULL DEFAULT 'REGULAR',
    "email" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "installationAddress" TEXT NOT NULL,
    "homepassCode" TEXT NOT NULL,
    "homepassId" TEXT NOT NULL,
    "fatCode" TEXT NOT NULL,
    "fatPort" INTEGER NOT NULL,
    "billCycle" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Package" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "line" "ProductLine" NOT NULL,
    "speedMbps" INTEGER NOT NULL,
    "termMonths" INTEGER NOT NULL,
    "priceIdr" INTEGER NOT NULL,
    "tier" INTEGER NOT NULL,
    "requiresDualBand" BOOLEAN NOT NULL,
    "termsAndConditions" TEXT NOT NULL,
    "promoName" TEXT,
    "promoEndsOn" DATE,
    "promoFallbackCode" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Package_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Subscription" (
    "id" SERIAL NOT NULL,
    "customerId" VARCHAR(8) NOT NULL,
    "packageCode" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "status" "SubscriptionStatus" NOT NULL DEFAULT 'ACTIVE',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubscriptionChange" (
    "id" SERIAL NOT NULL,
    "customerId" VARCHAR(8) NOT NULL,
    "upgradeId" TEXT,
    "fromPackageCode" TEXT NOT NULL,
    "toPackageCode" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubscriptionChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OntDevice" (
    "serial" TEXT NOT NULL,
    "customerId" VARCHAR(8) NOT NULL,
    "model" TEXT NOT NULL,
    "band" "OntBand" NOT NULL,
    "status" "OntStatus" NOT NULL DEFAULT 'ACTIVE',
    "installedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "replacedAt" TIMESTAMPTZ(3),
    "replacedBySerial" TEXT,
    "upgradeId" TEXT,

    CONSTRAINT "OntDevice_pkey" PRIMARY KEY ("serial")
);

-- CreateTable
CREATE TABLE "Bill" (
    "billCode" VARCHAR(12) NOT NULL,
    "customerId" VARCHAR(8) NOT NULL,
    "upgradeId" TEXT,
    "period" VARCHAR(6) NOT NULL,
    "billingDate" DATE NOT NULL,
    "dueDate" DATE NOT NULL,
    "billingMonthStart" DATE NOT NULL,
    "billingMonthEnd" DATE NOT NULL,
    "billCycle" INTEGER NOT NULL,
    "packageCode" TEXT NOT NULL,
    "packageName" TEXT NOT NULL,
    "actualChargeIdr" INTEGER NOT NULL,
    "adjustmentIdr" INTEGER NOT NULL,
    "baseIdr" INTEGER NOT NULL,
    "vatRatePercent" INTEGER NOT NULL,
    "vatIdr" INTEGER NOT NULL,
    "totalIdr" INTEGER NOT NULL,
    "amountInWords" TEXT NOT NULL,
    "status" "BillStatus" NOT NULL DEFAULT 'UNPAID',
    "paidAmountIdr" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Bill_pkey" PRIMARY KEY ("billCode")
);

-- CreateTable
CREATE TABLE "BillLine" (
    "id" SERIAL NOT NULL,
    "billCode" VARCHAR(12) NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "amountIdr" INTEGER NOT NULL,

    CONSTRAINT "BillLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" SERIAL NOT NULL,
    "customerId" VARCHAR(8) NOT NULL,
    "billCode" VARCHAR(12),
    "paidAt" TIMESTAMPTZ(3) NOT NULL,
    "amountIdr" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ticket" (
    "ticketNo" VARCHAR(7) NOT NULL,
    "customerId" VARCHAR(8) NOT NULL,
    "upgradeId" TEXT,
    "kind" "TicketKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "status" "TicketStatus" NOT NULL,
    "createdBy" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "notes" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Ticket_pkey" PRIMARY KEY ("ticketNo")
);

-- CreateTable
CREATE TABLE "WorkOrder" (
    "woNumber" TEXT NOT NULL,
    "customerId" VARCHAR(8) NOT NULL,
    "upgradeId" TEXT,
    "ticketNo" VARCHAR(7),
    "type" "WorkOrderType" NOT NULL,
    "status" "WorkOrderStatus" NOT NULL,
    "packageLabel" TEXT NOT NULL,
    "typePackage" TEXT NOT NULL DEFAULT 'INTERNET',
    "totalIdr" INTEGER NOT NULL DEFAULT 0,
    "vendor" TEXT,
    "fatCode" TEXT,
    "fatPort" INTEGER,
    "address" TEXT,
    "homepass" TEXT,
    "jobDescription" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "WorkOrder_pkey" PRIMARY KEY ("woNumber")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "customerId" VARCHAR(8) NOT NULL,
    "upgradeId" TEXT,
    "kind" TEXT NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "deepLink" TEXT,
    "readAt" TIMESTAMPTZ(3),
    "deliveredAt" TIMESTAMPTZ(3),
    "providerId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailOutbox" (
    "id" SERIAL NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "customerId" VARCHAR(8),
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PushOutbox" (
    "id" SERIAL NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "customerId" VARCHAR(8) NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "deepLink" TEXT,
    "sentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PushOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UpgradeRequest" (
    "id" TEXT NOT NULL,
    "customerId" VARCHAR(8) NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "fromPackageCode" TEXT,
    "targetPackageCode" TEXT NOT NULL,
    "status" "UpgradeStatus" NOT NULL DEFAULT 'BILLING',
    "billCode" TEXT,
    "upgradeTicketNo" TEXT,
    "upgradeWorkOrderNo" TEXT,
    "changeOntTicketNo" TEXT,
    "maintenanceWorkOrderNo" TEXT,
    "failureReason" TEXT,
    "plan" JSONB,
    "escalatedAt" TIMESTAMPTZ(3),
    "progress" JSONB,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "UpgradeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Package_name_key" ON "Package"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Package_line_speedMbps_termMonths_key" ON "Package"("line", "speedMbps", "termMonths");

-- CreateIndex
CREATE UNIQUE INDEX "Subscription_customerId_key" ON "Subscription"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "SubscriptionChange_upgradeId_key" ON "SubscriptionChange"("upgradeId");

-- CreateIndex
CREATE INDEX "SubscriptionChange_customerId_changedAt_idx" ON "SubscriptionChange"("customerId", "changedAt");

-- CreateIndex
CREATE INDEX "OntDevice_customerId_status_idx" ON "OntDevice"("customerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Bill_upgradeId_key" ON "Bill"("upgradeId");

-- CreateIndex
CREATE INDEX "Bill_customerId_billingDate_idx" ON "Bill"("customerId", "billingDate");

-- CreateIndex
CREATE UNIQUE INDEX "BillLine_billCode_position_key" ON "BillLine"("billCode", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_reference_key" ON "Payment"("reference");

-- CreateIndex
CREATE INDEX "Payment_customerId_paidAt_idx" ON "Payment"("customerId", "paidAt");

-- CreateIndex
CREATE INDEX "Ticket_customerId_createdAt_idx" ON "Ticket"("customerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_upgradeId_kind_key" ON "Ticket"("upgradeId", "kind");

-- CreateIndex
CREATE INDEX "WorkOrder_customerId_createdAt_idx" ON "WorkOrder"("customerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "WorkOrder_upgradeId_type_key" ON "WorkOrder"("upgradeId", "type");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_idempotencyKey_key" ON "Notification"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Notification_customerId_channel_createdAt_idx" ON "Notification"("customerId", "channel", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "EmailOutbox_idempotencyKey_key" ON "EmailOutbox"("idempotencyKey");

-- CreateIndex
CREATE INDEX "EmailOutbox_customerId_sentAt_idx" ON "EmailOutbox"("customerId", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "PushOutbox_idempotencyKey_key" ON "PushOutbox"("idempotencyKey");

-- CreateIndex
CREATE INDEX "PushOutbox_customerId_sentAt_idx" ON "PushOutbox"("customerId", "sentAt");

-- CreateIndex
CREATE INDEX "UpgradeRequest_status_requestedAt_idx" ON "UpgradeRequest"("status", "requestedAt");

-- CreateIndex
CREATE INDEX "UpgradeRequest_customerId_requestedAt_idx" ON "UpgradeRequest"("customerId", "requestedAt");

-- CreateIndex
CREATE UNIQUE INDEX "UpgradeRequest_customerId_idempotencyKey_key" ON "UpgradeRequest"("customerId", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "Package" ADD CONSTRAINT "Package_promoFallbackCode_fkey" FOREIGN KEY ("promoFallbackCode") REFERENCES "Package"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_packageCode_fkey" FOREIGN KEY ("packageCode") REFERENCES "Package"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubscriptionChange" ADD CONSTRAINT "SubscriptionChange_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OntDevice" ADD CONSTRAINT "OntDevice_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bill" ADD CONSTRAINT "Bill_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BillLine" ADD CONSTRAINT "BillLine_billCode_fkey" FOREIGN KEY ("billCode") REFERENCES "Bill"("billCode") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_billCode_fkey" FOREIGN KEY ("billCode") REFERENCES "Bill"("billCode") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrder" ADD CONSTRAINT "WorkOrder_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrder" ADD CONSTRAINT "WorkOrder_ticketNo_fkey" FOREIGN KEY ("ticketNo") REFERENCES "Ticket"("ticketNo") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpgradeRequest" ADD CONSTRAINT "UpgradeRequest_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Identifier sequences (SPEC "Identifiers"): numbers come from the database, never from clocks or randomness.
-- Bill code = billing period YYYYMM + 6 digits of this sequence (deck: 202511 712857).
CREATE SEQUENCE "bill_code_seq" AS INTEGER MINVALUE 100000 MAXVALUE 999999 START WITH 712857 CYCLE;
-- Trouble ticket numbers, 7 digits (deck: 3759821).
CREATE SEQUENCE "ticket_no_seq" AS INTEGER MINVALUE 1000000 MAXVALUE 9999999 START WITH 3759821 CYCLE;
-- Work order numbers WO-DDMMYYYY-NNNNNNN (deck: WO-04112025-2825386).
CREATE SEQUENCE "work_order_no_seq" AS INTEGER MINVALUE 1000000 MAXVALUE 9999999 START WITH 2825386 CYCLE;
-- Customer IDs, 8 digits (deck: 21314849). Seeded customers carry their own.
CREATE SEQUENCE "customer_id_seq" AS INTEGER MINVALUE 10000000 MAXVALUE 99999999 START WITH 21400000;

-- At most one upgrade in flight per customer: the API inserts the request before starting its
-- workflow, so a second concurrent request with another key fails here (HTTP 409).
CREATE UNIQUE INDEX "UpgradeRequest_one_in_flight_per_customer" ON "UpgradeRequest"("customerId")
  WHERE "status" IN ('BILLING', 'AWAITING_ONT_SWAP', 'ESCALATED');
