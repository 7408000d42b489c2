-- CreateEnum
CREATE TYPE "RestructureType" AS ENUM ('MERGE', 'SPLIT', 'MOVE', 'RENAME', 'CLOSE');

-- CreateEnum
CREATE TYPE "LineageKind" AS ENUM ('MERGED_INTO', 'SPLIT_INTO', 'MOVED', 'RENAMED', 'CLOSED');

-- CreateTable
CREATE TABLE "OrgUnitPlacement" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "parentId" INTEGER,
    "level" "OrgLevel" NOT NULL,
    "path" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "eventId" INTEGER,

    CONSTRAINT "OrgUnitPlacement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrgRestructuring" (
    "id" SERIAL NOT NULL,
    "type" "RestructureType" NOT NULL,
    "effectiveDate" DATE NOT NULL,
    "summary" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "actorUserId" INTEGER,
    "actorLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrgRestructuring_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrgLineageLink" (
    "id" SERIAL NOT NULL,
    "eventId" INTEGER NOT NULL,
    "kind" "LineageKind" NOT NULL,
    "fromUnitId" INTEGER NOT NULL,
    "toUnitId" INTEGER,

    CONSTRAINT "OrgLineageLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OrgUnitPlacement_unitId_validFrom_idx" ON "OrgUnitPlacement"("unitId", "validFrom");

-- CreateIndex
CREATE INDEX "OrgUnitPlacement_parentId_idx" ON "OrgUnitPlacement"("parentId");

-- CreateIndex
CREATE INDEX "OrgUnitPlacement_path_idx" ON "OrgUnitPlacement"("path");

-- CreateIndex
CREATE INDEX "OrgRestructuring_effectiveDate_idx" ON "OrgRestructuring"("effectiveDate");

-- CreateIndex
CREATE INDEX "OrgLineageLink_fromUnitId_idx" ON "OrgLineageLink"("fromUnitId");

-- CreateIndex
CREATE INDEX "OrgLineageLink_toUnitId_idx" ON "OrgLineageLink"("toUnitId");

-- CreateIndex
CREATE INDEX "OrgLineageLink_eventId_idx" ON "OrgLineageLink"("eventId");

-- AddForeignKey
ALTER TABLE "OrgUnitPlacement" ADD CONSTRAINT "OrgUnitPlacement_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgLineageLink" ADD CONSTRAINT "OrgLineageLink_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "OrgRestructuring"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (docs/restructuring.md) ------------------------------------

-- Prefix matches on the path use the index, as on "OrgUnit".path.
ALTER TABLE "OrgUnitPlacement" ALTER COLUMN "path" TYPE TEXT COLLATE "C";

-- Every unit that exists today stood where it stands since it came into force.
INSERT INTO "OrgUnitPlacement" ("unitId", "parentId", "level", "path", "name", "validFrom", "validTo")
SELECT id, "parentId", level, path, name, "validFrom", "validTo" FROM "OrgUnit";

-- A unit inserted directly (seed, admin tools, tests) gets its first placement.
CREATE OR REPLACE FUNCTION org_unit_placement_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('app.restructuring', true), '') <> 'on' THEN
    INSERT INTO "OrgUnitPlacement" ("unitId", "parentId", "level", "path", "name", "validFrom", "validTo")
    VALUES (NEW.id, NEW."parentId", NEW.level, NEW.path, NEW.name, NEW."validFrom", NEW."validTo");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "OrgUnit_placement_insert" AFTER INSERT ON "OrgUnit"
  FOR EACH ROW EXECUTE FUNCTION org_unit_placement_insert();

-- A direct correction (not a dated restructuring event) corrects the unit's latest
-- placement in place. Restructuring operations set app.restructuring = 'on' for their
-- transaction and write the placements themselves.
CREATE OR REPLACE FUNCTION org_unit_placement_correct() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  latest integer;
  placements integer;
BEGIN
  IF coalesce(current_setting('app.restructuring', true), '') = 'on' THEN
    RETURN NULL;
  END IF;
  SELECT id INTO latest FROM "OrgUnitPlacement" WHERE "unitId" = NEW.id ORDER BY "validFrom" DESC, id DESC LIMIT 1;
  IF latest IS NULL THEN
    INSERT INTO "OrgUnitPlacement" ("unitId", "parentId", "level", "path", "name", "validFrom", "validTo")
    VALUES (NEW.id, NEW."parentId", NEW.level, NEW.path, NEW.name, NEW."validFrom", NEW."validTo");
    RETURN NULL;
  END IF;
  SELECT count(*) INTO placements FROM "OrgUnitPlacement" WHERE "unitId" = NEW.id;
  UPDATE "OrgUnitPlacement" SET
    "parentId" = NEW."parentId", level = NEW.level, path = NEW.path, name = NEW.name, "validTo" = NEW."validTo",
    "validFrom" = CASE WHEN placements = 1 THEN NEW."validFrom" ELSE "validFrom" END
  WHERE id = latest;
  RETURN NULL;
END $$;

CREATE TRIGGER "OrgUnit_placement_correct" AFTER UPDATE OF "parentId", path, name, level, "validFrom", "validTo" ON "OrgUnit"
  FOR EACH ROW WHEN (OLD."parentId" IS DISTINCT FROM NEW."parentId" OR OLD.path IS DISTINCT FROM NEW.path OR OLD.name IS DISTINCT FROM NEW.name
    OR OLD.level IS DISTINCT FROM NEW.level OR OLD."validFrom" IS DISTINCT FROM NEW."validFrom" OR OLD."validTo" IS DISTINCT FROM NEW."validTo")
  EXECUTE FUNCTION org_unit_placement_correct();

-- A unit removed outright (only test clean-ups do that) takes its placements along.
CREATE OR REPLACE FUNCTION org_unit_placement_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "OrgUnitPlacement" WHERE "unitId" = OLD.id;
  RETURN OLD;
END $$;

CREATE TRIGGER "OrgUnit_placement_delete" BEFORE DELETE ON "OrgUnit"
  FOR EACH ROW EXECUTE FUNCTION org_unit_placement_delete();
