-- Reads that scanned a table growing with every upgrade (docs/benchmarks.md, Issue 25: N open
-- runs): the operators' list of every upgrade newest first, a ticket's work orders, and the
-- technicians' day of visits across areas.

-- CreateIndex
CREATE INDEX "WorkOrder_ticketNo_idx" ON "WorkOrder"("ticketNo");

-- CreateIndex
CREATE INDEX "Appointment_date_status_idx" ON "Appointment"("date", "status");

-- CreateIndex
CREATE INDEX "UpgradeRequest_requestedAt_idx" ON "UpgradeRequest"("requestedAt");
