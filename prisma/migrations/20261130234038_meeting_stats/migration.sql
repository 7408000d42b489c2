-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "DataQualityAlertKind" ADD VALUE 'SHORT_MEETING';
ALTER TYPE "DataQualityAlertKind" ADD VALUE 'DOCUMENTS_LATE';
ALTER TYPE "DataQualityAlertKind" ADD VALUE 'NO_SCHEDULE';

-- CreateTable
CREATE TABLE "MeetingStat" (
    "orgUnitId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "level" "OrgLevel" NOT NULL,
    "parentId" INTEGER,
    "branches" INTEGER NOT NULL,
    "held" INTEGER NOT NULL,
    "presentCount" INTEGER NOT NULL,
    "expectedCount" INTEGER NOT NULL,
    "usedHandbook" INTEGER NOT NULL,
    "thematic" INTEGER NOT NULL,
    "heldOn" DATE,
    "qualityFailed" INTEGER NOT NULL,
    "noThematicInQuarter" INTEGER NOT NULL,
    "noThematicOtherwiseMet" INTEGER NOT NULL,
    "failDuration" INTEGER NOT NULL,
    "failCommittee" INTEGER NOT NULL,
    "failSchedule" INTEGER NOT NULL,
    "failDocuments" INTEGER NOT NULL,
    "failAttendance" INTEGER NOT NULL,
    "failUnexcused" INTEGER NOT NULL,
    "failMinutes" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingStat_pkey" PRIMARY KEY ("orgUnitId","period")
);

-- CreateIndex
CREATE INDEX "MeetingStat_period_parentId_idx" ON "MeetingStat"("period", "parentId");
