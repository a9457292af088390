-- A bill paid through the payment gateway's signed notification keeps when it was paid.
ALTER TABLE "Bill" ADD COLUMN "paidAt" TIMESTAMPTZ(3);
