-- CreateTable
CREATE TABLE "UsageSnapshot" (
    "id" SERIAL NOT NULL,
    "branchId" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "period" TEXT NOT NULL,
    "usedInMeetings" BOOLEAN NOT NULL,
    "newsPosts" INTEGER NOT NULL DEFAULT 0,
    "documents" INTEGER NOT NULL DEFAULT 0,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UsageSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HandbookStat" (
    "orgUnitId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "level" "OrgLevel" NOT NULL,
    "parentId" INTEGER,
    "membersTotal" INTEGER NOT NULL,
    "membersEligible" INTEGER NOT NULL,
    "membersInstalled" INTEGER NOT NULL,
    "branchesTotal" INTEGER NOT NULL,
    "branchesReporting" INTEGER NOT NULL,
    "branchesUsingInMeetings" INTEGER NOT NULL,
    "newsPosts" INTEGER NOT NULL,
    "documents" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HandbookStat_pkey" PRIMARY KEY ("orgUnitId","period")
);

-- CreateTable
CREATE TABLE "MemberImportRow" (
    "batchId" TEXT NOT NULL,
    "rowNo" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "branchId" INTEGER NOT NULL,
    "fullName" TEXT NOT NULL,
    "gender" "Gender",
    "birthYear" INTEGER,
    "status" "MemberStatus" NOT NULL,
    "eligibleForHandbook" BOOLEAN NOT NULL,
    "handbookInstalledAt" TIMESTAMP(3),
    "joinedBranchOn" DATE,
    "leftBranchOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MemberImportRow_pkey" PRIMARY KEY ("batchId","rowNo")
);

-- CreateIndex
CREATE INDEX "UsageSnapshot_period_branchId_date_idx" ON "UsageSnapshot"("period", "branchId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "UsageSnapshot_branchId_date_key" ON "UsageSnapshot"("branchId", "date");

-- CreateIndex
CREATE INDEX "HandbookStat_period_parentId_idx" ON "HandbookStat"("period", "parentId");

-- CreateIndex
CREATE INDEX "HandbookStat_period_level_idx" ON "HandbookStat"("period", "level");

-- AddForeignKey
ALTER TABLE "UsageSnapshot" ADD CONSTRAINT "UsageSnapshot_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand (Prisma cannot express these) ---------------------------

-- A snapshot's period is always the month of its date.
ALTER TABLE "UsageSnapshot" ADD CONSTRAINT "UsageSnapshot_period_of_date" CHECK ("period" = to_char("date", 'YYYY-MM'));
ALTER TABLE "UsageSnapshot" ADD CONSTRAINT "UsageSnapshot_counts_not_negative" CHECK ("newsPosts" >= 0 AND "documents" >= 0);

-- Staging rows of member imports live for seconds and are rebuilt from the file: no WAL needed.
ALTER TABLE "MemberImportRow" SET UNLOGGED;
