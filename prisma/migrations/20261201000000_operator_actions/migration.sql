-- The customer-service console's audit trail: who did what for which customer, when and why
-- CreateTable
CREATE TABLE "OperatorAction" (
    "id" SERIAL NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "operator" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "customerId" VARCHAR(8) NOT NULL,
    "subject" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "answer" JSONB NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OperatorAction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OperatorAction_idempotencyKey_key" ON "OperatorAction"("idempotencyKey");

-- CreateIndex
CREATE INDEX "OperatorAction_customerId_at_idx" ON "OperatorAction"("customerId", "at");

-- AddForeignKey
ALTER TABLE "OperatorAction" ADD CONSTRAINT "OperatorAction_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

