-- Every ending of an upgrade leaves a consistent record: voided bills, cancelled tickets and work
-- orders (with why), upgrades cancelled by an operator or closed outside our code, and notices that
-- could not be delivered.
ALTER TYPE "BillStatus" ADD VALUE 'VOID';
ALTER TYPE "TicketStatus" ADD VALUE 'CANCELLED';
ALTER TYPE "WorkOrderStatus" ADD VALUE 'CANCELLED';
ALTER TYPE "UpgradeStatus" ADD VALUE 'CANCELLED';
ALTER TYPE "UpgradeStatus" ADD VALUE 'TERMINATED';

ALTER TABLE "Bill" ADD COLUMN "voidedAt" TIMESTAMPTZ(3);
ALTER TABLE "WorkOrder" ADD COLUMN "cancelledAt" TIMESTAMPTZ(3), ADD COLUMN "cancelReason" TEXT;
ALTER TABLE "Notification" ADD COLUMN "failedAt" TIMESTAMPTZ(3), ADD COLUMN "failureReason" TEXT;
