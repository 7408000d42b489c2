-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "feeExempt" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "personCode" TEXT;

-- CreateTable
CREATE TABLE "PartyFee" (
    "memberId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "paid" BOOLEAN NOT NULL,
    "amount" INTEGER,
    "reason" TEXT,
    "recordedByLabel" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PartyFee_pkey" PRIMARY KEY ("memberId","period")
);

-- CreateIndex
CREATE INDEX "PartyFee_period_paid_idx" ON "PartyFee"("period", "paid");

-- CreateIndex
CREATE INDEX "Member_personCode_idx" ON "Member"("personCode");

-- AddForeignKey
ALTER TABLE "PartyFee" ADD CONSTRAINT "PartyFee_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A fee amount is never negative.
ALTER TABLE "PartyFee" ADD CONSTRAINT "PartyFee_amount_check" CHECK ("amount" IS NULL OR "amount" >= 0);
