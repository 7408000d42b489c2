-- CreateEnum
CREATE TYPE "MeetingKind" AS ENUM ('REGULAR', 'THEMATIC');

-- CreateEnum
CREATE TYPE "AttendanceStatus" AS ENUM ('PRESENT', 'EXCUSED', 'UNEXCUSED');

-- CreateEnum
CREATE TYPE "DataQualityAlertKind" AS ENUM ('PERFECT_ATTENDANCE', 'MISSING_MINUTES', 'DOCUMENTS_NOT_SENT', 'HELD_OUTSIDE_PERIOD', 'FORMER_MEMBER_ATTENDANCE');

-- CreateTable
CREATE TABLE "Meeting" (
    "id" SERIAL NOT NULL,
    "branchId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "kind" "MeetingKind" NOT NULL,
    "heldOn" DATE NOT NULL,
    "usedHandbook" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT,
    "minutes" TEXT,
    "closedAt" TIMESTAMP(3),
    "expectedCount" INTEGER NOT NULL DEFAULT 0,
    "presentCount" INTEGER NOT NULL DEFAULT 0,
    "excusedCount" INTEGER NOT NULL DEFAULT 0,
    "unexcusedCount" INTEGER NOT NULL DEFAULT 0,
    "exemptCount" INTEGER NOT NULL DEFAULT 0,
    "versionNo" INTEGER NOT NULL DEFAULT 1,
    "recordedByLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attendance" (
    "meetingId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "status" "AttendanceStatus" NOT NULL,
    "reason" TEXT,

    CONSTRAINT "Attendance_pkey" PRIMARY KEY ("meetingId","memberId")
);

-- CreateTable
CREATE TABLE "MeetingDocument" (
    "id" SERIAL NOT NULL,
    "meetingId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "sentOn" DATE NOT NULL,

    CONSTRAINT "MeetingDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingReopening" (
    "id" SERIAL NOT NULL,
    "branchId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "openUntil" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "reopenedById" INTEGER,
    "reopenedByLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingReopening_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataQualityDismissal" (
    "id" SERIAL NOT NULL,
    "kind" "DataQualityAlertKind" NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "branchId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "dismissedById" INTEGER,
    "dismissedByLabel" TEXT NOT NULL,
    "dismissedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataQualityDismissal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Meeting_rollup_idx" ON "Meeting"("period", "branchId", "kind", "heldOn", "usedHandbook", "expectedCount", "presentCount", "excusedCount", "unexcusedCount");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_branchId_period_kind_key" ON "Meeting"("branchId", "period", "kind");

-- CreateIndex
CREATE INDEX "Attendance_memberId_idx" ON "Attendance"("memberId");

-- CreateIndex
CREATE INDEX "MeetingDocument_meetingId_idx" ON "MeetingDocument"("meetingId");

-- CreateIndex
CREATE INDEX "MeetingReopening_branchId_period_idx" ON "MeetingReopening"("branchId", "period");

-- CreateIndex
CREATE INDEX "DataQualityDismissal_branchId_idx" ON "DataQualityDismissal"("branchId");

-- CreateIndex
CREATE UNIQUE INDEX "DataQualityDismissal_kind_subjectKey_key" ON "DataQualityDismissal"("kind", "subjectKey");

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingDocument" ADD CONSTRAINT "MeetingDocument_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingReopening" ADD CONSTRAINT "MeetingReopening_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataQualityDismissal" ADD CONSTRAINT "DataQualityDismissal_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Written by hand: what schema.prisma cannot express (docs/meetings.md).
-- ---------------------------------------------------------------------------
-- Periods are YYYY-MM, whatever path wrote them (form, API, import, seed).
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_period_format" CHECK ("period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');
ALTER TABLE "MeetingReopening" ADD CONSTRAINT "MeetingReopening_period_format" CHECK ("period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');
-- Counts kept on the meeting agree with each other (the attendance rows are written in the same transaction).
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_counts_add_up" CHECK ("expectedCount" = "presentCount" + "excusedCount" + "unexcusedCount");

-- The member rule (absent without excuse in 3 months of a year) reads only
-- the unexcused rows: a small partial index instead of scanning every row.
CREATE INDEX "Attendance_unexcused_idx" ON "Attendance" ("memberId", "meetingId") WHERE "status" = 'UNEXCUSED';

