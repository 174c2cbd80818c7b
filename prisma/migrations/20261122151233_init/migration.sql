-- CreateEnum
CREATE TYPE "Region" AS ENUM ('NORTH_EAST', 'NORTH_WEST', 'YORKSHIRE_AND_THE_HUMBER', 'EAST_MIDLANDS', 'WEST_MIDLANDS', 'EAST_OF_ENGLAND', 'LONDON', 'SOUTH_EAST', 'SOUTH_WEST');

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('COUNCIL', 'ICB', 'NHS_TRUST', 'SCHOOL', 'PARENT_CARER_FORUM', 'DFE', 'NHSE', 'OTHER');

-- CreateEnum
CREATE TYPE "AreaRole" AS ENUM ('LEAD', 'CONTRIBUTOR', 'FORUM', 'ADVISER', 'VIEWER');

-- CreateEnum
CREATE TYPE "GlobalRole" AS ENUM ('NATIONAL', 'ADMIN');

-- CreateEnum
CREATE TYPE "InspectionFramework" AS ENUM ('FRAMEWORK_2016', 'FRAMEWORK_2023');

-- CreateEnum
CREATE TYPE "InspectionKind" AS ENUM ('FULL', 'REVISIT', 'MONITORING');

-- CreateEnum
CREATE TYPE "InspectionOutcome" AS ENUM ('WSOA_REQUIRED', 'NO_WSOA_REQUIRED', 'TYPICALLY_POSITIVE', 'INCONSISTENT', 'WIDESPREAD_OR_SYSTEMIC_FAILINGS');

-- CreateEnum
CREATE TYPE "PlanType" AS ENUM ('WSOA', 'APP', 'PRIORITY_ACTION_PLAN', 'IMPROVEMENT_PLAN');

-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'ACTIVE', 'CLOSED');

-- CreateEnum
CREATE TYPE "FindingKind" AS ENUM ('SIGNIFICANT_WEAKNESS', 'PRIORITY_ACTION', 'AREA_FOR_IMPROVEMENT');

-- CreateEnum
CREATE TYPE "Judgement" AS ENUM ('SUFFICIENT', 'NOT_SUFFICIENT', 'EFFECTIVE', 'NOT_EFFECTIVE');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETE', 'DEFERRED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "Rag" AS ENUM ('RED', 'AMBER', 'GREEN');

-- CreateEnum
CREATE TYPE "CoproductionLevel" AS ENUM ('INFORMING', 'CONSULTING', 'ENGAGING', 'CO_DESIGNING', 'CO_PRODUCING');

-- CreateEnum
CREATE TYPE "CoproductionStage" AS ENUM ('DEFINE', 'DESIGN', 'DELIVER', 'REVIEW');

-- CreateEnum
CREATE TYPE "CoproductionParticipant" AS ENUM ('PARENT_CARER_FORUM', 'YOUNG_PEOPLES_GROUP', 'SENDIASS', 'SCHOOLS', 'OTHER');

-- CreateEnum
CREATE TYPE "Cornerstone" AS ENUM ('WELCOME_AND_CARE', 'VALUE_AND_INCLUDE', 'COMMUNICATE', 'WORK_IN_PARTNERSHIP');

-- CreateEnum
CREATE TYPE "VerdictKind" AS ENUM ('AGREE', 'AGREE_WITH_COMMENTS', 'DISAGREE');

-- CreateEnum
CREATE TYPE "MeasureUnit" AS ENUM ('PERCENT', 'COUNT', 'DAYS', 'WEEKS', 'RATE');

-- CreateEnum
CREATE TYPE "MeasureDirection" AS ENUM ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER');

-- CreateEnum
CREATE TYPE "MeasureValueStatus" AS ENUM ('PROVISIONAL', 'VALIDATED');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('ACTIVITY', 'IMPACT');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('INTERNAL', 'PARTNERS', 'PUBLIC');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REJECTED');

-- CreateEnum
CREATE TYPE "CommentVisibility" AS ENUM ('INTERNAL', 'WITH_FORUM');

-- CreateEnum
CREATE TYPE "AdviserView" AS ENUM ('LIKELY_SUFFICIENT', 'AT_RISK', 'UNLIKELY');

-- CreateEnum
CREATE TYPE "ChangeRequestStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateTable
CREATE TABLE "LocalArea" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "laCode" TEXT NOT NULL,
    "region" "Region" NOT NULL,
    "publicPagePublished" BOOLEAN NOT NULL DEFAULT false,
    "publicPagePublishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LocalArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "localAreaId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "emailVerified" TIMESTAMP(3),
    "image" TEXT,
    "passwordHash" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "globalRole" "GlobalRole",
    "jobTitle" TEXT,
    "organisationId" TEXT,
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "localAreaId" TEXT NOT NULL,
    "role" "AreaRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerAccountId" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "sessionToken" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationToken" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" TEXT NOT NULL,
    "localAreaId" TEXT NOT NULL,
    "framework" "InspectionFramework" NOT NULL,
    "kind" "InspectionKind" NOT NULL,
    "startDate" DATE,
    "endDate" DATE,
    "expectedDate" DATE,
    "dateIsEstimate" BOOLEAN NOT NULL DEFAULT false,
    "publishedDate" DATE,
    "outcome" "InspectionOutcome",
    "reportUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" TEXT NOT NULL,
    "localAreaId" TEXT NOT NULL,
    "type" "PlanType" NOT NULL,
    "title" TEXT NOT NULL,
    "status" "PlanStatus" NOT NULL DEFAULT 'DRAFT',
    "sourceInspectionId" TEXT,
    "followUpInspectionId" TEXT,
    "predecessorId" TEXT,
    "submittedDate" DATE,
    "acceptedDate" DATE,
    "updateCadenceDays" INTEGER NOT NULL DEFAULT 30,
    "ragGreenThreshold" DOUBLE PRECISION NOT NULL DEFAULT 0.9,
    "ragAmberThreshold" DOUBLE PRECISION NOT NULL DEFAULT 0.7,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Finding" (
    "id" TEXT NOT NULL,
    "localAreaId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "kind" "FindingKind" NOT NULL,
    "inspectorsWording" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "judgement" "Judgement",
    "judgementDate" DATE,
    "judgementSource" TEXT,
    "judgementInspectionId" TEXT,
    "predecessorId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Action" (
    "id" TEXT NOT NULL,
    "localAreaId" TEXT NOT NULL,
    "findingId" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "ownerId" TEXT,
    "leadOrganisationId" TEXT,
    "startDate" DATE,
    "dueDate" DATE,
    "completedAt" TIMESTAMP(3),
    "status" "ActionStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "ragOverride" "Rag",
    "ragOverrideReason" TEXT,
    "coproductionLevel" "CoproductionLevel",
    "lastUpdateAt" TIMESTAMP(3),
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionUpdate" (
    "id" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "authorId" TEXT,
    "narrative" TEXT NOT NULL,
    "progress" INTEGER NOT NULL,
    "status" "ActionStatus" NOT NULL,
    "ragOverride" "Rag",
    "ragOverrideReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedById" TEXT,
    "acknowledgedAt" TIMESTAMP(3),

    CONSTRAINT "ActionUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measure" (
    "id" TEXT NOT NULL,
    "localAreaId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "definition" TEXT NOT NULL DEFAULT '',
    "unit" "MeasureUnit" NOT NULL,
    "direction" "MeasureDirection" NOT NULL,
    "source" TEXT NOT NULL DEFAULT '',
    "baselineValue" DOUBLE PRECISION,
    "baselineDate" DATE,
    "benchmarkValue" DOUBLE PRECISION,
    "benchmarkLabel" TEXT,
    "benchmarkDate" DATE,
    "targetValue" DOUBLE PRECISION,
    "targetDate" DATE,
    "ownerId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeasureMilestone" (
    "id" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "targetValue" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "MeasureMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeasureValue" (
    "id" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "periodEnd" DATE NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "status" "MeasureValueStatus" NOT NULL DEFAULT 'PROVISIONAL',
    "note" TEXT,
    "enteredById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeasureValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL,
    "localAreaId" TEXT NOT NULL,
    "actionId" TEXT,
    "findingId" TEXT,
    "measureId" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" "EvidenceKind" NOT NULL,
    "url" TEXT,
    "fileName" TEXT,
    "fileSize" INTEGER,
    "mimeType" TEXT,
    "sha256" TEXT,
    "storageKey" TEXT,
    "visibility" "Visibility" NOT NULL DEFAULT 'INTERNAL',
    "reviewStatus" "ReviewStatus" NOT NULL DEFAULT 'PENDING',
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "reviewNote" TEXT,
    "readyForInspectors" BOOLEAN NOT NULL DEFAULT false,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoproductionRecord" (
    "id" TEXT NOT NULL,
    "localAreaId" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "stage" "CoproductionStage" NOT NULL,
    "involved" "CoproductionParticipant"[],
    "familiesReached" INTEGER,
    "date" DATE NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoproductionRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ForumVerdict" (
    "id" TEXT NOT NULL,
    "localAreaId" TEXT NOT NULL,
    "actionId" TEXT,
    "findingId" TEXT,
    "authorId" TEXT NOT NULL,
    "verdict" "VerdictKind" NOT NULL,
    "levelRecognised" "CoproductionLevel",
    "cornerstonesMet" "Cornerstone"[],
    "text" TEXT NOT NULL,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "supersedesId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ForumVerdict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "YouSaidWeDid" (
    "id" TEXT NOT NULL,
    "localAreaId" TEXT NOT NULL,
    "findingId" TEXT,
    "youSaid" TEXT NOT NULL,
    "weDid" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3),
    "draftedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "YouSaidWeDid_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "localAreaId" TEXT NOT NULL,
    "actionId" TEXT,
    "findingId" TEXT,
    "measureId" TEXT,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "visibility" "CommentVisibility" NOT NULL DEFAULT 'INTERNAL',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdviserNote" (
    "id" TEXT NOT NULL,
    "localAreaId" TEXT NOT NULL,
    "findingId" TEXT,
    "authorId" TEXT,
    "note" TEXT NOT NULL,
    "view" "AdviserView",
    "date" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdviserNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeRequest" (
    "id" TEXT NOT NULL,
    "localAreaId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "oldValue" JSONB,
    "newValue" JSONB,
    "reason" TEXT NOT NULL,
    "requestedById" TEXT,
    "status" "ChangeRequestStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Snapshot" (
    "id" TEXT NOT NULL,
    "localAreaId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "takenById" TEXT,
    "takenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "state" JSONB NOT NULL,

    CONSTRAINT "Snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "localAreaId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_MeasureFindings" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_MeasureFindings_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_ActionPartnerOrganisations" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_ActionPartnerOrganisations_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_ActionDependencies" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_ActionDependencies_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "LocalArea_slug_key" ON "LocalArea"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "LocalArea_laCode_key" ON "LocalArea"("laCode");

-- CreateIndex
CREATE INDEX "LocalArea_region_idx" ON "LocalArea"("region");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_localAreaId_name_key" ON "Organisation"("localAreaId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_localAreaId_role_idx" ON "Membership"("localAreaId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_localAreaId_key" ON "Membership"("userId", "localAreaId");

-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_provider_providerAccountId_key" ON "Account"("provider", "providerAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_sessionToken_key" ON "Session"("sessionToken");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_token_key" ON "VerificationToken"("token");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_identifier_token_key" ON "VerificationToken"("identifier", "token");

-- CreateIndex
CREATE INDEX "Inspection_localAreaId_kind_idx" ON "Inspection"("localAreaId", "kind");

-- CreateIndex
CREATE INDEX "Plan_localAreaId_status_idx" ON "Plan"("localAreaId", "status");

-- CreateIndex
CREATE INDEX "Finding_localAreaId_idx" ON "Finding"("localAreaId");

-- CreateIndex
CREATE UNIQUE INDEX "Finding_planId_ref_key" ON "Finding"("planId", "ref");

-- CreateIndex
CREATE INDEX "Action_localAreaId_status_idx" ON "Action"("localAreaId", "status");

-- CreateIndex
CREATE INDEX "Action_ownerId_idx" ON "Action"("ownerId");

-- CreateIndex
CREATE INDEX "Action_localAreaId_lastUpdateAt_idx" ON "Action"("localAreaId", "lastUpdateAt");

-- CreateIndex
CREATE INDEX "Action_localAreaId_dueDate_idx" ON "Action"("localAreaId", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Action_findingId_ref_key" ON "Action"("findingId", "ref");

-- CreateIndex
CREATE INDEX "ActionUpdate_actionId_createdAt_idx" ON "ActionUpdate"("actionId", "createdAt");

-- CreateIndex
CREATE INDEX "Measure_localAreaId_idx" ON "Measure"("localAreaId");

-- CreateIndex
CREATE UNIQUE INDEX "Measure_planId_ref_key" ON "Measure"("planId", "ref");

-- CreateIndex
CREATE UNIQUE INDEX "MeasureMilestone_measureId_date_key" ON "MeasureMilestone"("measureId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "MeasureValue_measureId_periodEnd_key" ON "MeasureValue"("measureId", "periodEnd");

-- CreateIndex
CREATE INDEX "Evidence_localAreaId_reviewStatus_idx" ON "Evidence"("localAreaId", "reviewStatus");

-- CreateIndex
CREATE INDEX "Evidence_actionId_idx" ON "Evidence"("actionId");

-- CreateIndex
CREATE INDEX "Evidence_findingId_idx" ON "Evidence"("findingId");

-- CreateIndex
CREATE INDEX "Evidence_measureId_idx" ON "Evidence"("measureId");

-- CreateIndex
CREATE INDEX "CoproductionRecord_actionId_date_idx" ON "CoproductionRecord"("actionId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "ForumVerdict_supersedesId_key" ON "ForumVerdict"("supersedesId");

-- CreateIndex
CREATE INDEX "ForumVerdict_localAreaId_createdAt_idx" ON "ForumVerdict"("localAreaId", "createdAt");

-- CreateIndex
CREATE INDEX "ForumVerdict_actionId_createdAt_idx" ON "ForumVerdict"("actionId", "createdAt");

-- CreateIndex
CREATE INDEX "ForumVerdict_findingId_createdAt_idx" ON "ForumVerdict"("findingId", "createdAt");

-- CreateIndex
CREATE INDEX "YouSaidWeDid_localAreaId_published_idx" ON "YouSaidWeDid"("localAreaId", "published");

-- CreateIndex
CREATE INDEX "Comment_actionId_createdAt_idx" ON "Comment"("actionId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_findingId_createdAt_idx" ON "Comment"("findingId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_measureId_createdAt_idx" ON "Comment"("measureId", "createdAt");

-- CreateIndex
CREATE INDEX "AdviserNote_localAreaId_date_idx" ON "AdviserNote"("localAreaId", "date");

-- CreateIndex
CREATE INDEX "AdviserNote_findingId_date_idx" ON "AdviserNote"("findingId", "date");

-- CreateIndex
CREATE INDEX "ChangeRequest_planId_status_idx" ON "ChangeRequest"("planId", "status");

-- CreateIndex
CREATE INDEX "ChangeRequest_localAreaId_status_idx" ON "ChangeRequest"("localAreaId", "status");

-- CreateIndex
CREATE INDEX "Snapshot_planId_takenAt_idx" ON "Snapshot"("planId", "takenAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_at_idx" ON "AuditEvent"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_localAreaId_at_idx" ON "AuditEvent"("localAreaId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "_MeasureFindings_B_index" ON "_MeasureFindings"("B");

-- CreateIndex
CREATE INDEX "_ActionPartnerOrganisations_B_index" ON "_ActionPartnerOrganisations"("B");

-- CreateIndex
CREATE INDEX "_ActionDependencies_B_index" ON "_ActionDependencies"("B");

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_localAreaId_fkey" FOREIGN KEY ("localAreaId") REFERENCES "LocalArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_localAreaId_fkey" FOREIGN KEY ("localAreaId") REFERENCES "LocalArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_localAreaId_fkey" FOREIGN KEY ("localAreaId") REFERENCES "LocalArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_localAreaId_fkey" FOREIGN KEY ("localAreaId") REFERENCES "LocalArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_sourceInspectionId_fkey" FOREIGN KEY ("sourceInspectionId") REFERENCES "Inspection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_followUpInspectionId_fkey" FOREIGN KEY ("followUpInspectionId") REFERENCES "Inspection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_predecessorId_fkey" FOREIGN KEY ("predecessorId") REFERENCES "Plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_localAreaId_fkey" FOREIGN KEY ("localAreaId") REFERENCES "LocalArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_judgementInspectionId_fkey" FOREIGN KEY ("judgementInspectionId") REFERENCES "Inspection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_predecessorId_fkey" FOREIGN KEY ("predecessorId") REFERENCES "Finding"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_localAreaId_fkey" FOREIGN KEY ("localAreaId") REFERENCES "LocalArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_leadOrganisationId_fkey" FOREIGN KEY ("leadOrganisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionUpdate" ADD CONSTRAINT "ActionUpdate_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionUpdate" ADD CONSTRAINT "ActionUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionUpdate" ADD CONSTRAINT "ActionUpdate_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_localAreaId_fkey" FOREIGN KEY ("localAreaId") REFERENCES "LocalArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureMilestone" ADD CONSTRAINT "MeasureMilestone_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureValue" ADD CONSTRAINT "MeasureValue_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureValue" ADD CONSTRAINT "MeasureValue_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_localAreaId_fkey" FOREIGN KEY ("localAreaId") REFERENCES "LocalArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoproductionRecord" ADD CONSTRAINT "CoproductionRecord_localAreaId_fkey" FOREIGN KEY ("localAreaId") REFERENCES "LocalArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoproductionRecord" ADD CONSTRAINT "CoproductionRecord_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoproductionRecord" ADD CONSTRAINT "CoproductionRecord_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumVerdict" ADD CONSTRAINT "ForumVerdict_localAreaId_fkey" FOREIGN KEY ("localAreaId") REFERENCES "LocalArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumVerdict" ADD CONSTRAINT "ForumVerdict_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumVerdict" ADD CONSTRAINT "ForumVerdict_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumVerdict" ADD CONSTRAINT "ForumVerdict_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumVerdict" ADD CONSTRAINT "ForumVerdict_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "ForumVerdict"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YouSaidWeDid" ADD CONSTRAINT "YouSaidWeDid_localAreaId_fkey" FOREIGN KEY ("localAreaId") REFERENCES "LocalArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YouSaidWeDid" ADD CONSTRAINT "YouSaidWeDid_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YouSaidWeDid" ADD CONSTRAINT "YouSaidWeDid_draftedById_fkey" FOREIGN KEY ("draftedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_localAreaId_fkey" FOREIGN KEY ("localAreaId") REFERENCES "LocalArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdviserNote" ADD CONSTRAINT "AdviserNote_localAreaId_fkey" FOREIGN KEY ("localAreaId") REFERENCES "LocalArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdviserNote" ADD CONSTRAINT "AdviserNote_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdviserNote" ADD CONSTRAINT "AdviserNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_localAreaId_fkey" FOREIGN KEY ("localAreaId") REFERENCES "LocalArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Snapshot" ADD CONSTRAINT "Snapshot_localAreaId_fkey" FOREIGN KEY ("localAreaId") REFERENCES "LocalArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Snapshot" ADD CONSTRAINT "Snapshot_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Snapshot" ADD CONSTRAINT "Snapshot_takenById_fkey" FOREIGN KEY ("takenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_localAreaId_fkey" FOREIGN KEY ("localAreaId") REFERENCES "LocalArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_MeasureFindings" ADD CONSTRAINT "_MeasureFindings_A_fkey" FOREIGN KEY ("A") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_MeasureFindings" ADD CONSTRAINT "_MeasureFindings_B_fkey" FOREIGN KEY ("B") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ActionPartnerOrganisations" ADD CONSTRAINT "_ActionPartnerOrganisations_A_fkey" FOREIGN KEY ("A") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ActionPartnerOrganisations" ADD CONSTRAINT "_ActionPartnerOrganisations_B_fkey" FOREIGN KEY ("B") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ActionDependencies" ADD CONSTRAINT "_ActionDependencies_A_fkey" FOREIGN KEY ("A") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ActionDependencies" ADD CONSTRAINT "_ActionDependencies_B_fkey" FOREIGN KEY ("B") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Append-only records: the audit trail and the parent carer forum's verdicts. Nobody, not even
-- the application's own database user, may UPDATE or DELETE them (TRUNCATE too).
CREATE FUNCTION headway_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION headway_refuse_change();
CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION headway_refuse_change();

CREATE TRIGGER "ForumVerdict_append_only"
  BEFORE UPDATE OR DELETE ON "ForumVerdict"
  FOR EACH ROW EXECUTE FUNCTION headway_refuse_change();
CREATE TRIGGER "ForumVerdict_no_truncate"
  BEFORE TRUNCATE ON "ForumVerdict"
  FOR EACH STATEMENT EXECUTE FUNCTION headway_refuse_change();

-- Rules on a row's own columns. These are triggers, not CHECK constraints, because Prisma's
-- JavaScript schema engine crashes while reading CHECK constraints back (`migrate diff`).
CREATE FUNCTION headway_check_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  problem text;
BEGIN
  IF TG_TABLE_NAME = 'Evidence' THEN
    IF num_nonnulls(NEW."actionId", NEW."findingId", NEW."measureId") <> 1 THEN
      problem := 'evidence must belong to exactly one action, finding or measure';
    ELSIF num_nonnulls(NEW."url", NEW."storageKey") <> 1 THEN
      problem := 'evidence must be either a link or a stored file';
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

CREATE TRIGGER "Evidence_check" BEFORE INSERT OR UPDATE ON "Evidence" FOR EACH ROW EXECUTE FUNCTION headway_check_row();
CREATE TRIGGER "Comment_check" BEFORE INSERT OR UPDATE ON "Comment" FOR EACH ROW EXECUTE FUNCTION headway_check_row();
CREATE TRIGGER "ForumVerdict_check" BEFORE INSERT ON "ForumVerdict" FOR EACH ROW EXECUTE FUNCTION headway_check_row();
CREATE TRIGGER "Action_check" BEFORE INSERT OR UPDATE ON "Action" FOR EACH ROW EXECUTE FUNCTION headway_check_row();
CREATE TRIGGER "ActionUpdate_check" BEFORE INSERT OR UPDATE ON "ActionUpdate" FOR EACH ROW EXECUTE FUNCTION headway_check_row();
CREATE TRIGGER "Plan_check" BEFORE INSERT OR UPDATE ON "Plan" FOR EACH ROW EXECUTE FUNCTION headway_check_row();
