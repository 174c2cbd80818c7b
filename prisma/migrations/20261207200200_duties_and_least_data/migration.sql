-- A lead may withdraw an update request link that has not been used.
ALTER TABLE "UpdateRequest" ADD COLUMN "revokedAt" TIMESTAMP(3);

-- A check-in sent twice stores one update: the form's key is unique per action.
ALTER TABLE "ActionUpdate" ADD COLUMN "idempotencyKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "ActionUpdate_actionId_idempotencyKey_key" ON "ActionUpdate"("actionId", "idempotencyKey");

-- The partner's organisation on an update request: what the forum reads instead of the address.
ALTER TABLE "UpdateRequest" ADD COLUMN "organisationId" TEXT;
ALTER TABLE "UpdateRequest" ADD CONSTRAINT "UpdateRequest_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
