-- The bill the accepted plan quoted: the bill step issues it without reading the customer again.
ALTER TABLE "UpgradeRequest" ADD COLUMN "billQuote" JSONB;

-- An upgrade's view reads its notices, new ONT and visits by upgrade: no sequential scan of
-- these growing tables (docs/benchmarks.md, the open-runs soak).
CREATE INDEX "Appointment_upgradeId_idx" ON "Appointment"("upgradeId");
CREATE INDEX "OntDevice_upgradeId_idx" ON "OntDevice"("upgradeId");
CREATE INDEX "Notification_upgradeId_idx" ON "Notification"("upgradeId");
