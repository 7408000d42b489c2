-- The quarter's thematic meetings kept in the roll-up: branches with a thematic meeting in the
-- quarter up to each month. Existing rows are filled here, branches from their meetings, then
-- each level above as the sum of its children (as the roll-up itself sums them).
ALTER TABLE "MeetingStat" ADD COLUMN "thematicQuarterToDate" INTEGER NOT NULL DEFAULT 0;

UPDATE "MeetingStat" s SET "thematicQuarterToDate" = (EXISTS (
  SELECT 1 FROM "Meeting" t
  WHERE t."branchId" = s."orgUnitId" AND t.kind = 'THEMATIC'
    AND t.period >= left(s.period, 5) || lpad((((substr(s.period, 6, 2)::int - 1) / 3) * 3 + 1)::text, 2, '0') AND t.period <= s.period
))::int
WHERE s.level = 'BRANCH';

UPDATE "MeetingStat" s SET "thematicQuarterToDate" = coalesce((SELECT sum(c."thematicQuarterToDate") FROM "MeetingStat" c WHERE c."parentId" = s."orgUnitId" AND c.period = s.period), 0)
WHERE s.level = 'WARD';
UPDATE "MeetingStat" s SET "thematicQuarterToDate" = coalesce((SELECT sum(c."thematicQuarterToDate") FROM "MeetingStat" c WHERE c."parentId" = s."orgUnitId" AND c.period = s.period), 0)
WHERE s.level = 'DISTRICT';
UPDATE "MeetingStat" s SET "thematicQuarterToDate" = coalesce((SELECT sum(c."thematicQuarterToDate") FROM "MeetingStat" c WHERE c."parentId" = s."orgUnitId" AND c.period = s.period), 0)
WHERE s.level = 'CITY';

ALTER TABLE "MeetingStat" ALTER COLUMN "thematicQuarterToDate" DROP DEFAULT;
