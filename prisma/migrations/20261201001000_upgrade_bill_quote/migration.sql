-- The bill the accepted plan quoted: the bill step issues it without reading the customer again.
ALTER TABLE "UpgradeRequest" ADD COLUMN "billQuote" JSONB;
