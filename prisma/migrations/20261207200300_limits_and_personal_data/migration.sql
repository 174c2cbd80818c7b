-- Evidence a lead withdraws: the file is deleted, the record says who withdrew it, when and why.
-- fileDeletedAt is also set when the retention job deletes a closed plan's files.
ALTER TABLE "Evidence" ADD COLUMN "withdrawnAt" TIMESTAMP(3),
ADD COLUMN "withdrawnById" TEXT,
ADD COLUMN "withdrawalReason" TEXT,
ADD COLUMN "fileDeletedAt" TIMESTAMP(3);

ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_withdrawnById_fkey" FOREIGN KEY ("withdrawnById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Withdrawn evidence, and evidence whose file the retention job deleted, is neither a link nor
-- a stored file any more: the rule on the row allows that, and only that. The function is the
-- one from the first migration with the Evidence rule changed; every other rule is as it was.
CREATE OR REPLACE FUNCTION headway_check_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  problem text;
BEGIN
  IF TG_TABLE_NAME = 'Evidence' THEN
    IF num_nonnulls(NEW."actionId", NEW."findingId", NEW."measureId") <> 1 THEN
      problem := 'evidence must belong to exactly one action, finding or measure';
    ELSIF num_nonnulls(NEW."url", NEW."storageKey") > 1
       OR (num_nonnulls(NEW."url", NEW."storageKey") = 0 AND NEW."withdrawnAt" IS NULL AND NEW."fileDeletedAt" IS NULL) THEN
      problem := 'evidence must be either a link or a stored file, unless it was withdrawn or its file deleted';
    END IF;
  ELSIF TG_TABLE_NAME = 'Comment' THEN
    IF num_nonnulls(NEW."actionId", NEW."findingId", NEW."measureId") <> 1 THEN
      problem := 'a comment must belong to exactly one action, finding or measure';
    END IF;
  ELSIF TG_TABLE_NAME = 'ForumVerdict' THEN
    IF num_nonnulls(NEW."actionId", NEW."findingId") <> 1 THEN
      problem := 'a forum verdict must be on exactly one action or finding';
    END IF;
  ELSIF TG_TABLE_NAME = 'Action' THEN
    IF NEW."progress" NOT BETWEEN 0 AND 100 THEN
      problem := 'progress must be between 0 and 100';
    ELSIF NEW."startDate" > NEW."dueDate" THEN
      problem := 'an action cannot be due before it starts';
    END IF;
  ELSIF TG_TABLE_NAME = 'ActionUpdate' THEN
    IF NEW."progress" NOT BETWEEN 0 AND 100 THEN
      problem := 'progress must be between 0 and 100';
    END IF;
  ELSIF TG_TABLE_NAME = 'Plan' THEN
    IF NEW."updateCadenceDays" <= 0 THEN
      problem := 'the update cadence must be at least one day';
    ELSIF NOT (NEW."ragAmberThreshold" > 0 AND NEW."ragAmberThreshold" <= NEW."ragGreenThreshold" AND NEW."ragGreenThreshold" <= 1) THEN
      problem := 'RAG thresholds must satisfy 0 < amber <= green <= 1';
    END IF;
  END IF;
  IF problem IS NOT NULL THEN
    RAISE EXCEPTION '%: %', TG_TABLE_NAME, problem USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

-- A person an administrator erased: their name and email are a pseudonym from then on.
ALTER TABLE "User" ADD COLUMN "erasedAt" TIMESTAMP(3);

-- Audit events of "user.create" held the new person's name and email, which an erasure could
-- then never remove (the table is append-only). They now hold neither: the names live on the
-- person's own row only, where erasure replaces them. The events written before are brought
-- into line once, here, by the table's owner, with the append-only trigger off for this
-- statement alone; what was done, to whom and by whom stays.
ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only";
UPDATE "AuditEvent"
SET "after" = "after" - 'name' - 'email'
WHERE "action" = 'user.create' AND jsonb_typeof("after") = 'object' AND ("after" ? 'name' OR "after" ? 'email');
ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only";
