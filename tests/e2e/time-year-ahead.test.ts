// Time moves: a demo seeded a year from now, served by an app whose clock is a
// year ahead (APP_CLOCK), on a database of its own. Every default view must
// open on data and every deadline must sit around that day — nothing may be
// tied to the day the demo was first written. Then the same demo grown old
// says so on the home page.
import { openThrowawayDatabase, type DatabaseHandle } from "@/scripts/db/server";
import { prepareDatabase } from "@/scripts/db/bootstrap";
import { createPrismaClient } from "@/lib/db/client";
import { now, setClock } from "@/lib/clock";
import { formatDate, formatPeriod, hanoiInstant, todayIso } from "@/lib/format/date";
import { addMonths, currentPeriod } from "@/lib/periods/period";
import { reviewPeriodAt } from "@/lib/drafts/deadlines";
import { DEMO_SEEDED_ON_KEY } from "@/lib/settings/demo-age";
import { signIn, startAppServer, type AppServer } from "@/scripts/lib/app-server";
import { DEMO_PASSWORD } from "../support/http";

const DAY = 86_400_000;
// A year after whatever day the suite runs: the assertions below are all relative to it.
const AHEAD = new Date(now().getTime() + 365 * DAY);
const aheadDay = todayIso(AHEAD);

let database: DatabaseHandle;
let server: AppServer;

beforeAll(async () => {
  database = await openThrowawayDatabase();
  setClock(AHEAD);
  let authSecret: string;
  try {
    ({ authSecret } = await prepareDatabase(database.url, { seedDemoWhenEmpty: true }));
  } finally {
    setClock(null);
  }
  server = await startAppServer(database.url, { APP_CLOCK: AHEAD.toISOString(), NEXTAUTH_SECRET: authSecret });
}, 40 * 60_000);

afterAll(async () => {
  await server?.stop();
  await database?.release();
});

async function get(path: string, cookie: string) {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { cookie }, redirect: "follow" });
  // React separates adjacent text with empty comments; read the page as a person does.
  const text = (await response.text()).replace(/<!-- -->/g, "");
  return { status: response.status, text, json: () => JSON.parse(text) };
}

/** Days between a "YYYY-MM-DD" (or an instant) and the day a year ahead. */
function daysFromAhead(value: string): number {
  const day = value.length === 10 ? value : todayIso(new Date(value));
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${aheadDay}T00:00:00Z`)) / DAY);
}

describe("the demo a year from now", () => {
  it("is seeded as of that day and opens every default view on data, deadlines around it", async () => {
    const board = await signIn(server.baseUrl, "bantochuc", DEMO_PASSWORD);
    const leader = await signIn(server.baseUrl, "lanhdao", DEMO_PASSWORD);

    const db = createPrismaClient(database.url, 1);
    try {
      expect((await db.appSetting.findUniqueOrThrow({ where: { key: DEMO_SEEDED_ON_KEY } })).value).toBe(aheadDay);
    } finally {
      await db.$disconnect();
    }
    const thisMonth = currentPeriod(AHEAD);

    // Meetings: this month, or last month while this one has no record yet (the first days of a month).
    const compliance = await get("/api/v1/meetings/compliance", board);
    expect(compliance.status).toBe(200);
    const meetings = compliance.json();
    expect([thisMonth, addMonths(thisMonth, -1)]).toContain(meetings.period);
    expect(meetings.totals.held).toBeGreaterThan(0);
    expect(Math.abs(daysFromAhead(meetings.deadline))).toBeLessThanOrEqual(36);
    // The overview's alerts open on the same month.
    const alerts = await get("/api/v1/meetings/alerts", board);
    expect(alerts.status).toBe(200);
    expect(alerts.json().period).toBe(meetings.period);

    // Drafts: the period under review that day, with drafts in it and its deadline around the day.
    const queue = await get("/api/v1/drafts?pageSize=5", board);
    expect(queue.status).toBe(200);
    const drafts = queue.json();
    expect(drafts.period).toBe(reviewPeriodAt(hanoiInstant(aheadDay, 12), 25));
    expect(drafts.total).toBeGreaterThan(50);
    expect(Math.abs(daysFromAhead(drafts.deadline))).toBeLessThanOrEqual(36);
    const submitted = drafts.items.map((item: { submittedAt: string | null }) => item.submittedAt).filter(Boolean) as string[];
    expect(submitted.length).toBeGreaterThan(0);
    for (const at of submitted) expect(daysFromAhead(at)).toBeLessThanOrEqual(0);

    // Handbook figures: the month of that day.
    const stats = await get("/api/v1/stats/handbook", leader);
    expect(stats.status).toBe(200);
    expect(stats.json()).toMatchObject({ period: thisMonth });
    expect(stats.json().membersInstalled).toBeGreaterThan(10_000);

    // The pages a person opens first, as they render.
    const home = await get("/", board);
    expect(home.status).toBe(200);
    expect(home.text).toContain(`hôm nay ${formatDate(AHEAD)}`);
    expect(home.text).not.toContain("npm run seed -- --reset");
    const meetingsPage = await get("/meetings", board);
    expect(meetingsPage.status).toBe(200);
    expect(meetingsPage.text).toContain(formatPeriod(meetings.period));
    const draftsPage = await get("/drafts", board);
    expect(draftsPage.status).toBe(200);
    expect(draftsPage.text).toContain(formatPeriod(drafts.period));
    const dashboard = await get("/dashboard", leader);
    expect(dashboard.status).toBe(200);
    expect(dashboard.text).toContain(formatPeriod(thisMonth));
  });

  it("says so once it has grown old, and offers to reseed it", async () => {
    const db = createPrismaClient(database.url, 1);
    try {
      const seededLongAgo = todayIso(new Date(AHEAD.getTime() - 60 * DAY));
      await db.appSetting.update({ where: { key: DEMO_SEEDED_ON_KEY }, data: { value: seededLongAgo } });
      const admin = await signIn(server.baseUrl, "admin", DEMO_PASSWORD);
      const home = await get("/", admin);
      expect(home.text).toContain(`Dữ liệu demo được nạp ngày ${formatDate(`${seededLongAgo}T00:00:00Z`)}, cách đây 60 ngày`);
      expect(home.text).toContain("npm run seed -- --reset");
    } finally {
      await db.appSetting.update({ where: { key: DEMO_SEEDED_ON_KEY }, data: { value: aheadDay } });
      await db.$disconnect();
    }
  });
});
