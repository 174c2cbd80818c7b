-- What the person taking a snapshot writes for the board pack's first page: the key messages and
-- the decisions the board is asked to make. Both optional: a pack without them says none were
-- written. The application role's privileges on the table cover the new columns.
ALTER TABLE "Snapshot" ADD COLUMN "keyMessages" TEXT;
ALTER TABLE "Snapshot" ADD COLUMN "decisions" TEXT;
