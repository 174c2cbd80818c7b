-- AlterTable
ALTER TABLE "User" ADD COLUMN "sessionsValidAfter" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "RevokedSession" (
    "jti" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RevokedSession_pkey" PRIMARY KEY ("jti")
);

-- CreateIndex
CREATE INDEX "RevokedSession_userId_idx" ON "RevokedSession"("userId");

-- CreateIndex
CREATE INDEX "RevokedSession_expiresAt_idx" ON "RevokedSession"("expiresAt");

-- AddForeignKey
ALTER TABLE "RevokedSession" ADD CONSTRAINT "RevokedSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Disabling an account ends its sessions for good: without this, re-enabling it would bring back
-- every session it had (the session check refuses a disabled account, not the sessions). So the
-- moment of disabling becomes the account's "sign out everywhere", whatever code disables it.
CREATE FUNCTION "User_disabling_ends_sessions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."disabledAt" IS NOT NULL AND OLD."disabledAt" IS NULL THEN
    NEW."sessionsValidAfter" := GREATEST(COALESCE(NEW."sessionsValidAfter", NEW."disabledAt"), NEW."disabledAt");
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "User_disabling_ends_sessions" BEFORE UPDATE OF "disabledAt" ON "User"
  FOR EACH ROW EXECUTE FUNCTION "User_disabling_ends_sessions"();
