-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "combinedWithThematic" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "committeePrepared" BOOLEAN,
ADD COLUMN     "committeePreparedOn" DATE,
ADD COLUMN     "endTime" TEXT,
ADD COLUMN     "place" TEXT,
ADD COLUMN     "startTime" TEXT;

-- CreateTable
CREATE TABLE "MeetingSchedule" (
    "id" SERIAL NOT NULL,
    "branchId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "kind" "MeetingKind" NOT NULL,
    "plannedOn" DATE NOT NULL,
    "startTime" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "agenda" TEXT NOT NULL,
    "announcedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "announcedById" INTEGER,
    "announcedByLabel" TEXT NOT NULL,
    "versionNo" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeetingSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MeetingSchedule_period_branchId_idx" ON "MeetingSchedule"("period", "branchId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingSchedule_branchId_period_kind_key" ON "MeetingSchedule"("branchId", "period", "kind");

-- AddForeignKey
ALTER TABLE "MeetingSchedule" ADD CONSTRAINT "MeetingSchedule_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
