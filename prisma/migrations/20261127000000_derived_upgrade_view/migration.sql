-- The upgrade view is derived from the rows that own each fact (Bill, Ticket, WorkOrder,
-- SubscriptionChange, Notification, OntDevice, all keyed by upgradeId). The request keeps only
-- its own facts and the copies go. The two facts that lived only in the copies move to their owners
-- first: when the request was accepted, and when the ONT swap is due.

ALTER TABLE "UpgradeRequest" ADD COLUMN "acceptedAt" TIMESTAMPTZ(3);
ALTER TABLE "WorkOrder" ADD COLUMN "dueAt" TIMESTAMPTZ(3);

UPDATE "UpgradeRequest" u
   SET "acceptedAt" = (
     SELECT (step->>'at')::timestamptz
       FROM jsonb_array_elements(u."progress"->'steps') AS step
      WHERE step->>'name' = 'REQUEST_ACCEPTED'
      LIMIT 1)
 WHERE u."progress" IS NOT NULL;
UPDATE "UpgradeRequest" SET "acceptedAt" = "requestedAt" WHERE "acceptedAt" IS NULL AND "plan" IS NOT NULL;

UPDATE "WorkOrder" w
   SET "dueAt" = (u."progress"->'ontSwap'->>'slaDeadline')::timestamptz
  FROM "UpgradeRequest" u
 WHERE w."upgradeId" = u."id" AND w."type" = 'MAINTENANCE' AND u."progress"->'ontSwap' IS NOT NULL;

ALTER TABLE "UpgradeRequest"
  DROP COLUMN "billCode",
  DROP COLUMN "upgradeTicketNo",
  DROP COLUMN "upgradeWorkOrderNo",
  DROP COLUMN "changeOntTicketNo",
  DROP COLUMN "maintenanceWorkOrderNo",
  DROP COLUMN "progress";
