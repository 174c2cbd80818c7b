-- The plan's journey: judged at its follow-up inspection, or superseded by the plan carrying it forward.
ALTER TYPE "PlanStatus" ADD VALUE 'REVISITED' BEFORE 'CLOSED';
ALTER TYPE "PlanStatus" ADD VALUE 'MONITORED' BEFORE 'CLOSED';
ALTER TYPE "PlanStatus" ADD VALUE 'SUPERSEDED';

-- A judgement read from the published letter by an import.
ALTER TABLE "Finding" ADD COLUMN "judgementImported" BOOLEAN NOT NULL DEFAULT false;

-- An open action carried into the next plan continues the one before.
ALTER TABLE "Action" ADD COLUMN "predecessorId" TEXT;
ALTER TABLE "Action" ADD CONSTRAINT "Action_predecessorId_fkey" FOREIGN KEY ("predecessorId") REFERENCES "Action"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "Action_predecessorId_idx" ON "Action"("predecessorId");

-- The area's own tracker's columns, remembered for the next upload.
CREATE TABLE "TrackerMapping" (
    "id" TEXT NOT NULL,
    "localAreaId" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "TrackerMapping_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "TrackerMapping_localAreaId_key" ON "TrackerMapping"("localAreaId");
ALTER TABLE "TrackerMapping" ADD CONSTRAINT "TrackerMapping_localAreaId_fkey" FOREIGN KEY ("localAreaId") REFERENCES "LocalArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;
