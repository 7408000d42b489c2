-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dryRun" BOOLEAN NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'RUNNING',
    "actorUserId" INTEGER,
    "actorTokenId" INTEGER,
    "orgUnitId" INTEGER NOT NULL,
    "fileName" TEXT,
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB,
    "message" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportJob_actorUserId_startedAt_idx" ON "ImportJob"("actorUserId", "startedAt");

-- CreateIndex
CREATE INDEX "ImportJob_orgUnitId_startedAt_idx" ON "ImportJob"("orgUnitId", "startedAt");
