-- AlterTable
ALTER TABLE "HandbookStat" ADD COLUMN     "membersActive" INTEGER;
