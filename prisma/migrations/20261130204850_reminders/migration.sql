-- CreateTable
CREATE TABLE "Reminder" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "orgUnitId" INTEGER NOT NULL,
    "draftId" INTEGER,
    "message" TEXT NOT NULL,
    "sentByUserId" INTEGER,
    "sentByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Reminder_orgUnitId_createdAt_idx" ON "Reminder"("orgUnitId", "createdAt");

-- CreateIndex
CREATE INDEX "Reminder_draftId_idx" ON "Reminder"("draftId");
