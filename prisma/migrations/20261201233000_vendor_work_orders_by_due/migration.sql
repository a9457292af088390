-- The technician's day list reads the vendor's work orders still to be booked, the most urgent
-- first and at most 50 (services/technician-visits.ts): an index in that order, so a promo day's
-- thousands of waiting work orders are not sorted at every read.

-- CreateIndex
CREATE INDEX "WorkOrder_vendor_status_dueAt_idx" ON "WorkOrder"("vendor", "status", "dueAt");
