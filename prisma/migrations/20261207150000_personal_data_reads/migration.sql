-- CreateTable
CREATE TABLE "PersonalDataRead" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reader" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "customerId" VARCHAR(8),
    "workflowId" TEXT,
    "what" TEXT NOT NULL,
    "resource" TEXT NOT NULL,

    CONSTRAINT "PersonalDataRead_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PersonalDataRead_customerId_at_idx" ON "PersonalDataRead"("customerId", "at");

-- CreateIndex
CREATE INDEX "PersonalDataRead_reader_at_idx" ON "PersonalDataRead"("reader", "at");

