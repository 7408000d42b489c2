-- CreateEnum
CREATE TYPE "DraftStatus" AS ENUM ('SUBMITTED', 'CHANGES_REQUESTED', 'REVISED', 'APPROVED');

-- CreateEnum
CREATE TYPE "DraftFlag" AS ENUM ('FORMALISTIC', 'TEMPLATE_COPY', 'PREVIOUS_COPY', 'NOT_GROUNDED', 'GUIDANCE_MISSED');

-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('APPROVED', 'CHANGES_REQUESTED');

-- CreateEnum
CREATE TYPE "SuggestionStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REJECTED');

-- CreateTable
CREATE TABLE "Draft" (
    "id" SERIAL NOT NULL,
    "branchId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" "DraftStatus" NOT NULL DEFAULT 'SUBMITTED',
    "currentVersionNo" INTEGER NOT NULL DEFAULT 1,
    "flags" "DraftFlag"[] DEFAULT ARRAY[]::"DraftFlag"[],
    "proposedFlags" "DraftFlag"[] DEFAULT ARRAY[]::"DraftFlag"[],
    "similarityScore" DOUBLE PRECISION,
    "similarDraftId" INTEGER,
    "previousSimilarity" DOUBLE PRECISION,
    "openComments" INTEGER NOT NULL DEFAULT 0,
    "feedbackPendingSince" TIMESTAMP(3),
    "feedbackAckedAt" TIMESTAMP(3),
    "firstSubmittedAt" TIMESTAMP(3) NOT NULL,
    "lastSubmittedAt" TIMESTAMP(3) NOT NULL,
    "reviewedAt" TIMESTAMP(3),
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Draft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DraftVersion" (
    "id" SERIAL NOT NULL,
    "draftId" INTEGER NOT NULL,
    "versionNo" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "wordCount" INTEGER NOT NULL,
    "submittedByUserId" INTEGER,
    "submittedByTokenId" INTEGER,
    "submittedByName" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DraftVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DraftAnalysis" (
    "id" SERIAL NOT NULL,
    "versionId" INTEGER NOT NULL,
    "draftId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "minhash" INTEGER[],
    "shingleCount" INTEGER NOT NULL,
    "checklist" JSONB NOT NULL,
    "similar" JSONB NOT NULL,
    "previous" JSONB,
    "proposedFlags" "DraftFlag"[] DEFAULT ARRAY[]::"DraftFlag"[],
    "reasons" JSONB NOT NULL,
    "analyzedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DraftAnalysis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DraftLshBucket" (
    "period" TEXT NOT NULL,
    "band" SMALLINT NOT NULL,
    "bucket" INTEGER NOT NULL,
    "draftId" INTEGER NOT NULL,

    CONSTRAINT "DraftLshBucket_pkey" PRIMARY KEY ("period","band","bucket","draftId")
);

-- CreateTable
CREATE TABLE "DraftComment" (
    "id" SERIAL NOT NULL,
    "draftId" INTEGER NOT NULL,
    "versionNo" INTEGER NOT NULL,
    "parentId" INTEGER,
    "authorUserId" INTEGER,
    "authorTokenId" INTEGER,
    "authorName" TEXT NOT NULL,
    "authorRole" "Role" NOT NULL,
    "body" TEXT NOT NULL,
    "anchorQuote" TEXT,
    "anchorStart" INTEGER,
    "anchorEnd" INTEGER,
    "anchorPrefix" TEXT,
    "anchorSuffix" TEXT,
    "suggestion" TEXT,
    "suggestionStatus" "SuggestionStatus",
    "suggestionDecidedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "reviewId" INTEGER,
    "resolvedAt" TIMESTAMP(3),
    "resolvedByName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DraftComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DraftReview" (
    "id" SERIAL NOT NULL,
    "draftId" INTEGER NOT NULL,
    "versionNo" INTEGER NOT NULL,
    "decision" "ReviewDecision" NOT NULL,
    "summary" TEXT NOT NULL,
    "flags" "DraftFlag"[] DEFAULT ARRAY[]::"DraftFlag"[],
    "dismissedFlags" "DraftFlag"[] DEFAULT ARRAY[]::"DraftFlag"[],
    "reviewerUserId" INTEGER,
    "reviewerTokenId" INTEGER,
    "reviewerName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DraftReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" SERIAL NOT NULL,
    "reviewId" INTEGER NOT NULL,
    "draftId" INTEGER NOT NULL,
    "branchId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "decision" "ReviewDecision" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedByUserId" INTEGER,
    "acknowledgedByName" TEXT,
    "reply" TEXT,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Guidance" (
    "id" SERIAL NOT NULL,
    "orgUnitId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "details" TEXT NOT NULL,
    "keywords" TEXT[],
    "createdByUserId" INTEGER,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMP(3),

    CONSTRAINT "Guidance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DraftWorkingCopy" (
    "branchId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "baseVersionNo" INTEGER NOT NULL,
    "savedByName" TEXT NOT NULL,
    "savedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DraftWorkingCopy_pkey" PRIMARY KEY ("branchId","period")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT,
    "href" TEXT NOT NULL,
    "orgUnitId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Draft_period_status_idx" ON "Draft"("period", "status");

-- CreateIndex
CREATE INDEX "Draft_period_lastSubmittedAt_idx" ON "Draft"("period", "lastSubmittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Draft_branchId_period_key" ON "Draft"("branchId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "DraftVersion_draftId_versionNo_key" ON "DraftVersion"("draftId", "versionNo");

-- CreateIndex
CREATE UNIQUE INDEX "DraftAnalysis_versionId_key" ON "DraftAnalysis"("versionId");

-- CreateIndex
CREATE INDEX "DraftAnalysis_draftId_idx" ON "DraftAnalysis"("draftId");

-- CreateIndex
CREATE INDEX "DraftLshBucket_draftId_idx" ON "DraftLshBucket"("draftId");

-- CreateIndex
CREATE INDEX "DraftComment_draftId_createdAt_idx" ON "DraftComment"("draftId", "createdAt");

-- CreateIndex
CREATE INDEX "DraftComment_parentId_idx" ON "DraftComment"("parentId");

-- CreateIndex
CREATE INDEX "DraftReview_draftId_createdAt_idx" ON "DraftReview"("draftId", "createdAt");

-- CreateIndex
CREATE INDEX "DraftReview_reviewerUserId_idx" ON "DraftReview"("reviewerUserId");

-- CreateIndex
CREATE UNIQUE INDEX "Feedback_reviewId_key" ON "Feedback"("reviewId");

-- CreateIndex
CREATE INDEX "Feedback_branchId_createdAt_idx" ON "Feedback"("branchId", "createdAt");

-- CreateIndex
CREATE INDEX "Feedback_period_acknowledgedAt_idx" ON "Feedback"("period", "acknowledgedAt");

-- CreateIndex
CREATE INDEX "Feedback_draftId_idx" ON "Feedback"("draftId");

-- CreateIndex
CREATE INDEX "Guidance_period_orgUnitId_idx" ON "Guidance"("period", "orgUnitId");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "Draft" ADD CONSTRAINT "Draft_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftVersion" ADD CONSTRAINT "DraftVersion_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftAnalysis" ADD CONSTRAINT "DraftAnalysis_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DraftVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftComment" ADD CONSTRAINT "DraftComment_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftComment" ADD CONSTRAINT "DraftComment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "DraftComment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftReview" ADD CONSTRAINT "DraftReview_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "DraftReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Guidance" ADD CONSTRAINT "Guidance_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
