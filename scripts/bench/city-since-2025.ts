// npm run bench:city-since-2025 — gives a database holding the city data set (DATABASE_URL; `npm run
// seed -- --reset --scale city` makes one) Hà Nội's shape since 1 July 2025, so the city's pages can
// be measured as the city board sees them: no district tier, each district's wards merged into
// about 126 wards and communes directly under the city (their 16,762 branches and all history kept).
// The tree is corrected in place, as if it had always been so (the placements follow by trigger),
// then the administrator's rebuilds bring the handbook and meeting roll-ups to it. Writes to that database: run it on a copy,
// e.g. `CREATE DATABASE city2025 TEMPLATE city`, then `npm run bench:page-cost` against it.
import pg from "pg";

const WARDS_SINCE_2025 = 126;
const log = (message: string) => process.stderr.write(`${message}\n`);

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Cần DATABASE_URL của một bản sao cơ sở dữ liệu đã nạp dữ liệu thành phố (lệnh này ghi vào đó).");
  const { db, disconnectDb } = await import("@/lib/db/client");
  const { actorFromUser } = await import("@/lib/auth/actor-from-user");
  const { rebuildHandbookStats } = await import("@/lib/stats/rebuild-handbook-stats");
  const { rebuildMeetingStats } = await import("@/lib/meetings/meeting-stats");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const districts = Number((await client.query(`SELECT count(*) FROM "OrgUnit" WHERE level = 'DISTRICT'`)).rows[0].count);
    if (!districts) throw new Error("Cơ sở dữ liệu không còn cấp quận, huyện: đã chuyển trước đó.");
    const wardsBefore = Number((await client.query(`SELECT count(*) FROM "OrgUnit" u JOIN "OrgUnit" d ON d.id = u."parentId" WHERE u.level = 'WARD' AND d.level = 'DISTRICT'`)).rows[0].count);
    const city = (await client.query<{ id: number; path: string }>(`SELECT id, path FROM "OrgUnit" WHERE level = 'CITY' AND "validTo" IS NULL ORDER BY id LIMIT 1`)).rows[0];
    await client.query("BEGIN");
    // Each district's wards, in code order, fall into groups in proportion to the 126 wards of today;
    // the first ward of a group stands for the merged ward and its code stays (LB-BD keeps its branches and more).
    await client.query(
      `CREATE TEMP TABLE merged ON COMMIT DROP AS
       WITH w AS (
         SELECT u.id, u."parentId" AS district, row_number() OVER (PARTITION BY u."parentId" ORDER BY u.code) - 1 AS i, count(*) OVER (PARTITION BY u."parentId") AS n
         FROM "OrgUnit" u JOIN "OrgUnit" d ON d.id = u."parentId" WHERE u.level = 'WARD' AND d.level = 'DISTRICT'),
       g AS (SELECT id, district, (i * greatest(1, round(n * $1::numeric / $2))::int) / n AS grp FROM w)
       SELECT id AS old_id, min(id) OVER (PARTITION BY district, grp) AS new_id FROM g
       UNION ALL SELECT id, $3::int FROM "OrgUnit" WHERE level = 'DISTRICT'`,
      [WARDS_SINCE_2025, wardsBefore, city.id],
    );
    await client.query(`UPDATE "OrgUnit" b SET "parentId" = m.new_id FROM merged m WHERE b."parentId" = m.old_id AND b.level = 'BRANCH' AND m.old_id <> m.new_id`);
    await client.query(`UPDATE "OrgUnit" u SET "parentId" = $1, path = $2 || u.id || '/', depth = 1 WHERE u.id IN (SELECT new_id FROM merged WHERE new_id <> $1)`, [city.id, city.path]);
    await client.query(`UPDATE "OrgUnit" b SET path = w.path || b.id || '/', depth = 2 FROM "OrgUnit" w WHERE w.id = b."parentId" AND b.level = 'BRANCH'`);
    // Accounts, tokens and guidance of a merged ward go to the ward it merged into; a district's to the city.
    for (const table of ["User", "ApiToken", "Guidance", "Reminder"]) {
      await client.query(`UPDATE "${table}" t SET "orgUnitId" = m.new_id FROM merged m WHERE t."orgUnitId" = m.old_id AND m.old_id <> m.new_id`);
    }
    // One follower per unit: a merged ward keeps the assignment of the ward it merged into.
    await client.query(`DELETE FROM "FollowAssignment" f USING merged m WHERE f."orgUnitId" = m.old_id AND m.old_id <> m.new_id`);
    await client.query(`DELETE FROM "OrgUnit" WHERE id IN (SELECT old_id FROM merged WHERE old_id <> new_id)`);
    await client.query(`ANALYZE "OrgUnit"; ANALYZE "OrgUnitPlacement"`);
    const wards = Number((await client.query(`SELECT count(*) FROM "OrgUnit" WHERE level = 'WARD' AND "parentId" = $1`, [city.id])).rows[0].count);
    log(`cây mới: ${wards} phường, xã trực thuộc thành phố (trước: ${districts} quận, huyện, ${wardsBefore} phường, xã); tính lại số liệu tổng hợp ...`);
    await client.query("COMMIT");
    // A fix made straight in the database: the administrator's rebuilds bring both roll-ups to the new tree.
    const admin = actorFromUser(await db().user.findUniqueOrThrow({ where: { username: "admin" }, include: { orgUnit: true } }));
    await rebuildHandbookStats(admin);
    await rebuildMeetingStats(admin);
    await client.query("ANALYZE");
    log("xong.");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
    await disconnectDb();
  }
}

main().catch((error) => {
  console.error(`Lỗi: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
