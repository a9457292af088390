-- The homepass's Area ID and Cluster ID, as the Billing App's WO Maintenance form shows them.
ALTER TABLE "Customer" ADD COLUMN     "areaId" TEXT,
ADD COLUMN     "clusterId" TEXT;
