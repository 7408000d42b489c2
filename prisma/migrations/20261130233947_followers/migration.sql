-- CreateTable
CREATE TABLE "FollowAssignment" (
    "id" SERIAL NOT NULL,
    "orgUnitId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "assignedById" INTEGER,
    "assignedByLabel" TEXT NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FollowAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DraftReviewClaim" (
    "draftId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "userName" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DraftReviewClaim_pkey" PRIMARY KEY ("draftId","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "FollowAssignment_orgUnitId_key" ON "FollowAssignment"("orgUnitId");

-- CreateIndex
CREATE INDEX "FollowAssignment_userId_idx" ON "FollowAssignment"("userId");
