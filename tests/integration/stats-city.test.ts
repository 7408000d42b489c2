// The city data set in a throwaway database of its own (about a minute on two
// cores): the city dashboard must show exactly the seed's figures (docs/product.md).
import pg from "pg";
import { openThrowawayDatabase, type DatabaseHandle } from "@/scripts/db/server";
import { prepareDatabase } from "@/scripts/db/bootstrap";
import { seedDemo } from "@/prisma/seed";
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db/client";
import { actorFromUser } from "@/lib/auth/actor-from-user";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { setClock } from "@/lib/clock";

let database: DatabaseHandle;
let cityDb: PrismaClient;
const sharedUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  // Seeded and read as of one day: the seed figures are those of its month.
  setClock("2026-11-26T10:00:00+07:00");
  database = await openThrowawayDatabase();
  await prepareDatabase(database.url, { seedDemoWhenEmpty: false });
  await seedDemo(database.url, { scale: "city", passwordHash: await hashPassword("Thành phố 2026!") });
  // lib/ reads DATABASE_URL once, on first use: from here on it is the city database.
  process.env.DATABASE_URL = database.url;
  cityDb = createPrismaClient(database.url, 2);
}, 15 * 60_000);

afterAll(async () => {
  const { disconnectDb } = await import("@/lib/db/client");
  await disconnectDb();
  await cityDb?.$disconnect();
  await database?.release();
  process.env.DATABASE_URL = sharedUrl;
  setClock(null);
});

async function actor(username: string) {
  return actorFromUser(await cityDb.user.findUniqueOrThrow({ where: { username }, include: { orgUnit: true } }));
}

describe("city data set", () => {
  it("the city dashboard shows exactly the seed's figures, and every district adds up to them", async () => {
    const { getHandbookOverview } = await import("@/lib/stats/get-handbook-overview");
    const { getHandbookSeries } = await import("@/lib/stats/get-handbook-series");
    const { formatNumber, formatPercent } = await import("@/lib/format/number");
    const overview = await getHandbookOverview(await actor("lanhdao-thanhpho"), {});
    expect(overview).toMatchObject({
      orgUnit: { name: "Thành phố Hà Nội", level: "CITY" },
      period: "2026-11",
      membersTotal: 475_880,
      membersEligible: 432_461,
      membersInstalled: 442_970,
      branchesTotal: 16_762,
      branchesUsingInMeetings: 12_734,
      newsPosts: 1_300,
      documents: 1_496,
    });
    // As the page shows them (vi-VN).
    expect(formatPercent(overview.installRate)).toBe("93,1%");
    expect(formatPercent(overview.eligibleInstallRate, 2)).toBe("102,43%");
    expect(formatNumber(overview.membersInstalled)).toBe("442.970");

    expect(overview.children).toHaveLength(30);
    for (const key of ["membersTotal", "membersEligible", "membersInstalled", "branchesTotal", "branchesUsingInMeetings", "newsPosts", "documents"] as const) {
      expect(overview.children.reduce((sum, child) => sum + child[key], 0)).toBe(overview[key]);
    }
    const series = await getHandbookSeries(await actor("lanhdao-thanhpho"), {});
    expect(series.items.map((item) => item.period)).toHaveLength(24);
    expect(series.items[0].membersInstalled).toBeLessThan(series.items[23].membersInstalled);

    // The roll-ups against the raw tables, counted independently for every district.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const raw = await client.query<{ code: string; members: string; eligible: string; installed: string; using: string; news: string; docs: string }>(`
        WITH d AS (SELECT id, code, path FROM "OrgUnit" WHERE level = 'DISTRICT'),
        m AS (SELECT d.code, count(*) AS members, count(*) FILTER (WHERE m."eligibleForHandbook") AS eligible, count(*) FILTER (WHERE m."handbookInstalledAt" IS NOT NULL) AS installed
              FROM d JOIN "OrgUnit" b ON b.path LIKE d.path || '%' AND b.level = 'BRANCH' JOIN "Member" m ON m."branchId" = b.id
              WHERE m.status IN ('ACTIVE', 'EXEMPT') GROUP BY d.code),
        latest AS (SELECT DISTINCT ON (s."branchId") s.* FROM "UsageSnapshot" s WHERE s.period = '2026-11' ORDER BY s."branchId", s.date DESC),
        u AS (SELECT d.code, count(*) FILTER (WHERE l."usedInMeetings") AS using, sum(l."newsPosts") AS news, sum(l.documents) AS docs
              FROM d JOIN "OrgUnit" b ON b.path LIKE d.path || '%' AND b.level = 'BRANCH' JOIN latest l ON l."branchId" = b.id GROUP BY d.code)
        SELECT m.code, m.members, m.eligible, m.installed, u.using, u.news, u.docs FROM m JOIN u USING (code) ORDER BY m.code`);
      const fromRollups = Object.fromEntries(overview.children.map((child) => [child.orgUnit.code, [child.membersTotal, child.membersEligible, child.membersInstalled, child.branchesUsingInMeetings, child.newsPosts, child.documents]]));
      expect(Object.fromEntries(raw.rows.map((row) => [row.code, [row.members, row.eligible, row.installed, row.using, row.news, row.docs].map(Number)]))).toEqual(fromRollups);
    } finally {
      await client.end();
    }

    // Quận Long Biên inside the city is the district demo, and its leader sees only it.
    const district = await getHandbookOverview(await actor("lanhdao"), {});
    expect(district.orgUnit.code).toBe("LB");
    expect(district.children).toHaveLength(14);
  }, 120_000);
});
