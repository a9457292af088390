-- The ONT visit as a field-service appointment: booked by the vendor's dispatcher, moved by the
-- customer, missed with a pending category, done with the swap. Places per area and slot are the
-- vendor's capacity ("quota basis").
CREATE TYPE "AppointmentStatus" AS ENUM ('BOOKED', 'MOVED', 'MISSED', 'DONE', 'CANCELLED');

CREATE TABLE "Appointment" (
    "id" SERIAL NOT NULL,
    "woNumber" TEXT NOT NULL,
    "upgradeId" TEXT NOT NULL,
    "area" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "slot" VARCHAR(5) NOT NULL,
    "status" "AppointmentStatus" NOT NULL,
    "bookedBy" TEXT NOT NULL,
    "requestKey" TEXT NOT NULL,
    "pendingCategory" TEXT,
    "remark" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Appointment_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "VisitCapacity" (
    "area" TEXT NOT NULL,
    "slot" VARCHAR(5) NOT NULL,
    "places" INTEGER NOT NULL,

    CONSTRAINT "VisitCapacity_pkey" PRIMARY KEY ("area","slot")
);

CREATE UNIQUE INDEX "Appointment_requestKey_key" ON "Appointment"("requestKey");
CREATE INDEX "Appointment_area_date_slot_status_idx" ON "Appointment"("area", "date", "slot", "status");
CREATE INDEX "Appointment_woNumber_createdAt_idx" ON "Appointment"("woNumber", "createdAt");

ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_woNumber_fkey" FOREIGN KEY ("woNumber") REFERENCES "WorkOrder"("woNumber") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Until the vendor's own figures are loaded, every area has four places per slot.
INSERT INTO "VisitCapacity" ("area", "slot", "places") VALUES
    ('DEFAULT', '08-10', 4), ('DEFAULT', '10-12', 4), ('DEFAULT', '13-15', 4), ('DEFAULT', '15-17', 4);
