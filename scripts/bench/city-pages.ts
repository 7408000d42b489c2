// npm run bench:city-pages [-- --runs 7] — in-process timing of what the city's pages compute per
// request, on a database that already holds the city data set (DATABASE_URL;
// `npm run seed -- --reset --scale city` makes one; it only reads). On a loaded machine, compare
// before and after a change by running it on both versions alternately against the same database:
// the digest of each result shows the figures are the same.
import crypto from "node:crypto";
import { measure, option } from "../lib/bench";

async function main() {
  if (!process.env.DATABASE_URL) throw new Error("Cần DATABASE_URL của một cơ sở dữ liệu đã nạp dữ liệu thành phố.");
  const runs = Number(option("runs") ?? 7);
  const { db, disconnectDb } = await import("@/lib/db/client");
  const { actorFromUser } = await import("@/lib/auth/actor-from-user");
  const { getDraftReviewSummary } = await import("@/lib/drafts/get-draft-review-summary");
  const { resolveReviewQueueFilter, readReviewQueue } = await import("@/lib/drafts/list-review-queue");
  const meetings = await import("@/lib/meetings/compliance");
  const { getHandbookDashboard } = await import("@/lib/stats/get-handbook-dashboard");
  const actorOf = async (username: string) => actorFromUser(await db().user.findUniqueOrThrow({ where: { username }, include: { orgUnit: true } }));
  const leader = await actorOf("lanhdao-thanhpho");
  const board = await actorOf("bantochuc");
  const ward = await db().orgUnit.findFirstOrThrow({ where: { code: "LB-BD" } });
  const city = await db().orgUnit.findFirstOrThrow({ where: { parentId: null, validTo: null }, orderBy: { id: "asc" } });
  const [{ period }] = await db().$queryRaw<{ period: string }[]>`SELECT max(period) AS period FROM "Draft"`;
  const { addMonths, currentPeriod } = await import("@/lib/periods/period");
  const meetingPeriod = addMonths(currentPeriod(), -1); // as `npm run bench`
  const queueFilter = { period, orgUnitId: String(ward.id) };
  const cases: [string, () => Promise<unknown>][] = [
    ["SELECT 1", () => db().$queryRaw`SELECT 1`],
    ["draft review summary, city totals", () => getDraftReviewSummary(leader, { orgUnitId: city.id, period, withChildren: false })],
    ["meeting summary, city, one month", () => meetings.getMeetingComplianceSummary(leader, { orgUnitId: city.id, period: meetingPeriod })],
    ["meetings page data, city, 12 months", () => meetings.getComplianceOverview(leader, { period: meetingPeriod })],
    ["meetings page data, district of the ward", () => meetings.getComplianceOverview(board, { orgUnitId: ward.parentId!, period: meetingPeriod })],
    ["meetings page data, ward", () => meetings.getComplianceOverview(board, { orgUnitId: ward.id, period: meetingPeriod })],
    ["handbook dashboard data, city", () => getHandbookDashboard(leader, { orgUnitId: city.id })],
    ["drafts queue: filter and scope check, ward", () => resolveReviewQueueFilter(board, queueFilter)],
    ["drafts queue: rows, ward", async () => readReviewQueue(board, await resolveReviewQueueFilter(board, queueFilter), { includeMissing: true })],
  ];
  console.log(`| measured (runs ${runs}, draft period ${period}, meetings ${meetingPeriod}) | p50 ms | p95 ms | max ms | digest |`);
  console.log("|---|---:|---:|---:|---|");
  for (const [name, run] of cases) {
    const digest = crypto.createHash("sha1").update(JSON.stringify(await run())).digest("hex").slice(0, 10);
    const timing = await measure(name, runs, run);
    console.log(`| ${name} | ${timing.p50.toFixed(1)} | ${timing.p95.toFixed(1)} | ${timing.max.toFixed(1)} | ${digest} |`);
  }
  await disconnectDb();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
