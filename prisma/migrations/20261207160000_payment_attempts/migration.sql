-- CreateTable
CREATE TABLE "PaymentAttempt" (
    "orderId" VARCHAR(50) NOT NULL,
    "billCode" VARCHAR(12) NOT NULL,
    "attempt" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "amountIdr" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "vaNumber" TEXT,
    "billerCode" TEXT,
    "billKey" TEXT,
    "qrString" TEXT,
    "transactionId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PaymentAttempt_pkey" PRIMARY KEY ("orderId")
);

-- CreateIndex
CREATE INDEX "PaymentAttempt_status_expiresAt_idx" ON "PaymentAttempt"("status", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentAttempt_billCode_attempt_key" ON "PaymentAttempt"("billCode", "attempt");

-- AddForeignKey
ALTER TABLE "PaymentAttempt" ADD CONSTRAINT "PaymentAttempt_billCode_fkey" FOREIGN KEY ("billCode") REFERENCES "Bill"("billCode") ON DELETE RESTRICT ON UPDATE CASCADE;
