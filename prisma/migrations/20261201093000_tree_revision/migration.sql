-- The tree's revision: every statement that changes OrgUnitPlacement gives it a new value (never
-- reused, even after a wipe), in the changing transaction. What is derived from the tree alone (the
-- branches in force under a unit in a month) can then be remembered while the revision holds.
CREATE TABLE "TreeRevision" (
    "id" INTEGER NOT NULL,
    "revision" TEXT NOT NULL,

    CONSTRAINT "TreeRevision_pkey" PRIMARY KEY ("id")
);

INSERT INTO "TreeRevision" ("id", "revision") VALUES (1, gen_random_uuid()::text);

CREATE FUNCTION "tree_revision_raise"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "TreeRevision" ("id", "revision") VALUES (1, gen_random_uuid()::text)
  ON CONFLICT ("id") DO UPDATE SET "revision" = EXCLUDED."revision";
  RETURN NULL;
END
$$;

CREATE TRIGGER "OrgUnitPlacement_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "OrgUnitPlacement"
  FOR EACH STATEMENT EXECUTE FUNCTION "tree_revision_raise"();
