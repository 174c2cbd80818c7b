-- A lead may withdraw an update request link that has not been used.
ALTER TABLE "UpdateRequest" ADD COLUMN "revokedAt" TIMESTAMP(3);

-- A check-in sent twice stores one update: the form's key is unique per action.
ALTER TABLE "ActionUpdate" ADD COLUMN "idempotencyKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "ActionUpdate_actionId_idempotencyKey_key" ON "ActionUpdate"("actionId", "idempotencyKey");
