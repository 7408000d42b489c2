-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('DRAFT_REVIEW_REPORT', 'MEETING_REPORT', 'FEEDBACK_LETTER');

-- CreateTable
CREATE TABLE "IssuedDocument" (
    "id" SERIAL NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "issuerUnitId" INTEGER NOT NULL,
    "typeCode" TEXT NOT NULL,
    "orgUnitId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "draftId" INTEGER,
    "year" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "numberLabel" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "figures" JSONB NOT NULL,
    "text" TEXT NOT NULL,
    "file" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "issuedByUserId" INTEGER,
    "issuedByName" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IssuedDocument_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IssuedDocument_orgUnitId_issuedAt_idx" ON "IssuedDocument"("orgUnitId", "issuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "IssuedDocument_issuerUnitId_typeCode_year_number_key" ON "IssuedDocument"("issuerUnitId", "typeCode", "year", "number");

-- An issued document is kept as issued: no update, no delete.
CREATE OR REPLACE FUNCTION issued_document_immutable() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN RAISE EXCEPTION 'Văn bản đã ban hành không được sửa hay xóa'; END $$;
CREATE TRIGGER "IssuedDocument_immutable" BEFORE UPDATE OR DELETE ON "IssuedDocument"
  FOR EACH ROW EXECUTE FUNCTION issued_document_immutable();
