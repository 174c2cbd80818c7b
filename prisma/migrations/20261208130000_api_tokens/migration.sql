-- Tokens for the HTTP API (/api/v1): one area each, only the SHA-256 of the secret kept.
CREATE TYPE "ApiTokenScope" AS ENUM ('PLAN_READ', 'MEASURES_READ', 'VALUES_WRITE');

CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "localAreaId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "scopes" "ApiTokenScope"[],
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");
CREATE INDEX "ApiToken_localAreaId_createdAt_idx" ON "ApiToken"("localAreaId", "createdAt");

ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_localAreaId_fkey" FOREIGN KEY ("localAreaId") REFERENCES "LocalArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The token a change came through, beside the person who made it (the actor). An id, as the
-- audit trail holds ids and never names; the token is never deleted while an event names it.
ALTER TABLE "AuditEvent" ADD COLUMN "apiTokenId" TEXT;
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_apiTokenId_fkey" FOREIGN KEY ("apiTokenId") REFERENCES "ApiToken"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
