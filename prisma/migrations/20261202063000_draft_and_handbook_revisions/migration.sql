-- Revisions of the drafts and of the handbook roll-up: a transaction that writes "Draft" (or
-- "HandbookStat") gives "DraftRevision" (or "HandbookStatRevision") a new value, never reused even
-- after a wipe, when it commits. Figures read from every row of a period (a city's review totals,
-- its lagging branches) can then be remembered while the revision holds. The new value is written
-- by a deferred trigger, at commit, after every other lock the transaction takes: writers wait for
-- one another on this row only for the instant of a commit, never while holding it, so it cannot
-- close a deadlock.
CREATE TABLE "DraftRevision" (
    "id" INTEGER NOT NULL,
    "revision" TEXT NOT NULL,

    CONSTRAINT "DraftRevision_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "HandbookStatRevision" (
    "id" INTEGER NOT NULL,
    "revision" TEXT NOT NULL,

    CONSTRAINT "HandbookStatRevision_pkey" PRIMARY KEY ("id")
);

INSERT INTO "DraftRevision" ("id", "revision") VALUES (1, gen_random_uuid()::text);
INSERT INTO "HandbookStatRevision" ("id", "revision") VALUES (1, gen_random_uuid()::text);

-- TG_ARGV[0] names the revision table. Once per transaction and table: the first event writes,
-- the others see the transaction's mark and return. Every writer of a revision first takes one
-- transaction lock, so two commits that raise both revisions (in either order) take turns instead
-- of each holding one row and waiting for the other.
CREATE FUNCTION "revision_raise_at_commit"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  mark TEXT := 'app.revision_raised_' || lower(TG_ARGV[0]);
BEGIN
  IF current_setting(mark, true) IS DISTINCT FROM txid_current()::text THEN
    PERFORM set_config(mark, txid_current()::text, true);
    PERFORM pg_advisory_xact_lock(hashtext('revision_raise_at_commit'));
    EXECUTE format('INSERT INTO %I ("id", "revision") VALUES (1, gen_random_uuid()::text) ON CONFLICT ("id") DO UPDATE SET "revision" = EXCLUDED."revision"', TG_ARGV[0]);
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "Draft_revision" AFTER INSERT OR UPDATE OR DELETE ON "Draft"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "revision_raise_at_commit"('DraftRevision');
CREATE CONSTRAINT TRIGGER "HandbookStat_revision" AFTER INSERT OR UPDATE OR DELETE ON "HandbookStat"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "revision_raise_at_commit"('HandbookStatRevision');

-- TRUNCATE has no row events (a wipe before seeding): a new value at once.
CREATE TRIGGER "Draft_revision_truncate" AFTER TRUNCATE ON "Draft"
  FOR EACH STATEMENT EXECUTE FUNCTION "revision_raise_at_commit"('DraftRevision');
CREATE TRIGGER "HandbookStat_revision_truncate" AFTER TRUNCATE ON "HandbookStat"
  FOR EACH STATEMENT EXECUTE FUNCTION "revision_raise_at_commit"('HandbookStatRevision');
