// Handbook usage history of the demo: 24 months of monthly usage
// snapshots per branch, then the per-unit, per-month roll-ups the dashboards
// read. At city scale the latest month reproduces the seed exactly: 12,734
// branches using the handbook in meetings, 1,300 news posts, 1,496 documents
// (docs/product.md). Quận Long Biên gets the same history in both data sets.
import type { DemoSeedStep } from "./index";
import { createRandom, type Random } from "./random";
import { apportion } from "./city";
import { isCurrentMember, type PlanBuilder, type PlannedUnit } from "./plan";
import { copyRows, resetSequences } from "../../lib/db/copy";
import { addMonths } from "../../lib/periods/period";
import { refreshHandbookStats } from "../../lib/stats/refresh-handbook-stats";
import { pgRunner } from "../../lib/stats/sql-runner";
import { now as clockNow } from "../../lib/clock";

const USAGE_MONTHS = 24;
const USAGE_SEED = 2026_1105;

/** The latest month of the city data set (seed figures). */
export const CITY_USAGE_TARGETS = { branchesUsingInMeetings: 12_734, newsPosts: 1_300, documents: 1_496 } as const;
/** Long Biên's own latest month: an urban district slightly ahead of the city. */
const LONG_BIEN_LATEST = { newsPosts: 44, documents: 51 } as const;

export type PlannedSnapshot = { branchId: number; date: Date; period: string; usedInMeetings: boolean; newsPosts: number; documents: number };

/** The months of the history, oldest first, ending with the month of `today`. */
export function usagePeriods(today: Date): string[] {
  const last = `${today.getUTCFullYear()}-${String(today.getUTCMonth() + 1).padStart(2, "0")}`;
  return Array.from({ length: USAGE_MONTHS }, (_, i) => addMonths(last, i - USAGE_MONTHS + 1));
}

function lastDayOf(period: string): Date {
  const [year, month] = period.split("-").map(Number);
  return new Date(Date.UTC(year, month, 0));
}

type BranchProfile = { branch: PlannedUnit; share: number; residential: boolean };

/** Exactly `count` of `items`, favouring a higher score (with noise). */
function pickExactly<T>(random: Random, items: T[], count: number, score: (item: T) => number): Set<T> {
  if (count > items.length || count < 0) throw new Error(`Không chọn được ${count}/${items.length} chi bộ`);
  const ranked = items.map((item) => ({ item, key: score(item) + random.next() })).sort((a, b) => b.key - a.key);
  return new Set(ranked.slice(0, count).map((entry) => entry.item));
}

/** Share of branches that had started using the handbook in meetings by month k (of 24). */
function adoptedBy(k: number): number {
  // Everyone who uses it now had started by the month before (so the last month does not jump).
  return 0.14 + 0.86 * Math.pow(Math.min(1, k / (USAGE_MONTHS - 2)), 1.25);
}

type Timeline = { reportFrom: number | null; start: number | null; stop: number | null; usesLatest: boolean };

function timelineOf(random: Random, usesLatest: boolean): Timeline {
  const last = USAGE_MONTHS - 1;
  if (usesLatest) {
    const u = random.next();
    let start = 0;
    while (start < last && adoptedBy(start) < u) start++;
    return { reportFrom: Math.max(0, start - random.int(0, 5)), start, stop: null, usesLatest };
  }
  if (random.chance(0.25)) {
    // Used it for a while, then stopped.
    const start = random.int(0, last - 3);
    return { reportFrom: Math.max(0, start - random.int(0, 3)), start, stop: random.int(start + 1, last - 1), usesLatest };
  }
  return { reportFrom: random.chance(0.7) ? random.int(0, last) : null, start: null, stop: null, usesLatest };
}

/** Splits a monthly total of posts over a random subset of the reporting branches (offices post more). */
function distribute(random: Random, total: number, candidates: BranchProfile[]): Map<number, number> {
  const result = new Map<number, number>();
  if (total <= 0 || candidates.length === 0) return result;
  const posting = candidates.filter((profile) => random.chance(Math.min(1, (total / candidates.length) * (profile.residential ? 0.35 : 1.2))));
  const chosen = posting.length ? posting : [random.pick(candidates)];
  const parts = apportion(total, chosen.map((profile) => (profile.residential ? 1 : 2.5) * (0.2 + random.next() ** 2)));
  chosen.forEach((profile, i) => {
    if (parts[i] > 0) result.set(profile.branch.id, parts[i]);
  });
  return result;
}

function planGroup(random: Random, profiles: BranchProfile[], periods: string[], today: Date, latest: { using: number | null; newsPosts: number; documents: number }): PlannedSnapshot[] {
  const last = periods.length - 1;
  const users =
    latest.using === null
      ? new Set(profiles.filter((profile) => random.chance(Math.min(0.97, 0.3 + 0.52 * profile.share))))
      : pickExactly(random, profiles, latest.using, (profile) => profile.share * 1.5 + (profile.residential ? 0 : 0.3));
  const timelines = profiles.map((profile) => timelineOf(random, users.has(profile)));
  const rows: PlannedSnapshot[] = [];
  for (const [k, period] of periods.entries()) {
    const reporting = profiles.filter((_, i) => timelines[i].reportFrom !== null && timelines[i].reportFrom! <= k);
    // Posts grow with adoption; the latest month is exact.
    const growth = k === last ? 1 : (0.25 + 0.75 * Math.pow(k / last, 1.2)) * (0.9 + random.next() * 0.2);
    const news = distribute(random, Math.round(latest.newsPosts * growth), reporting);
    const documents = distribute(random, Math.round(latest.documents * growth), reporting);
    const date = k === last ? today : lastDayOf(period);
    for (const [i, profile] of profiles.entries()) {
      const t = timelines[i];
      if (t.reportFrom === null || t.reportFrom > k) continue;
      let used: boolean;
      if (k === last) used = t.usesLatest;
      else if (t.start === null || k < t.start) used = false;
      else if (t.stop !== null) used = k < t.stop;
      else used = k === t.start || random.chance(0.97);
      const row = { branchId: profile.branch.id, date, period, usedInMeetings: used, newsPosts: news.get(profile.branch.id) ?? 0, documents: documents.get(profile.branch.id) ?? 0 };
      // Some branches also report mid-month; the month's figure is its latest snapshot.
      if (k < last && random.chance(0.05)) {
        const [year, month] = period.split("-").map(Number);
        rows.push({ ...row, date: new Date(Date.UTC(year, month - 1, 15)), usedInMeetings: used && random.chance(0.6), newsPosts: Math.floor(row.newsPosts / 2), documents: Math.floor(row.documents / 2) });
      }
      rows.push(row);
    }
  }
  return rows;
}

/** Plans the usage snapshots of every branch of the plan over the 24 months ending with `today`. */
export function planUsageHistory(plan: PlanBuilder, today: Date): PlannedSnapshot[] {
  const periods = usagePeriods(today);
  const counts = new Map<number, { members: number; installed: number }>();
  for (const member of plan.members) {
    if (!isCurrentMember(member)) continue;
    const entry = counts.get(member.branchId) ?? { members: 0, installed: 0 };
    entry.members++;
    if (member.handbookInstalledAt) entry.installed++;
    counts.set(member.branchId, entry);
  }
  const profiles = plan.branches().map((branch) => {
    const entry = counts.get(branch.id);
    return { branch, share: entry && entry.members ? entry.installed / entry.members : 0, residential: /Tổ dân phố|Thôn/.test(branch.name) };
  });
  const longBien = profiles.filter((profile) => profile.branch.code.startsWith("LB-"));
  const others = profiles.filter((profile) => !profile.branch.code.startsWith("LB-"));
  // Long Biên first, on its own stream: the same history in the district demo and in the city.
  const rows = planGroup(createRandom(USAGE_SEED), longBien, periods, today, { using: null, ...LONG_BIEN_LATEST });
  if (others.length) {
    const lastPeriod = periods[periods.length - 1];
    const latestOf = (snapshots: PlannedSnapshot[]) => snapshots.filter((row) => row.period === lastPeriod);
    const lb = latestOf(rows);
    const cityRows = planGroup(createRandom(USAGE_SEED + 1), others, periods, today, {
      using: CITY_USAGE_TARGETS.branchesUsingInMeetings - lb.filter((row) => row.usedInMeetings).length,
      newsPosts: CITY_USAGE_TARGETS.newsPosts - LONG_BIEN_LATEST.newsPosts,
      documents: CITY_USAGE_TARGETS.documents - LONG_BIEN_LATEST.documents,
    });
    for (const row of cityRows) rows.push(row);
    const latest = latestOf(rows);
    const totals = {
      branchesUsingInMeetings: latest.filter((row) => row.usedInMeetings).length,
      newsPosts: latest.reduce((sum, row) => sum + row.newsPosts, 0),
      documents: latest.reduce((sum, row) => sum + row.documents, 0),
    };
    for (const [key, value] of Object.entries(CITY_USAGE_TARGETS)) {
      if (totals[key as keyof typeof totals] !== value) throw new Error(`Lịch sử sử dụng lệch: ${key} = ${totals[key as keyof typeof totals]}, cần ${value}`);
    }
  }
  return rows;
}

export const statsSeedStep: DemoSeedStep = {
  name: "lịch sử sử dụng Sổ tay điện tử (24 tháng) và số liệu tổng hợp",
  async run({ client, plan, today, log }) {
    const rows = planUsageHistory(plan, today);
    const now = clockNow();
    const written = await copyRows(
      client,
      "UsageSnapshot",
      ["id", "branchId", "date", "period", "usedInMeetings", "newsPosts", "documents", "source", "createdAt", "updatedAt"],
      rows.map((row, i) => [i + 1, row.branchId, row.date.toISOString().slice(0, 10), row.period, row.usedInMeetings, row.newsPosts, row.documents, "seed", now, now]),
    );
    await resetSequences(client, ["UsageSnapshot"]);
    log(`Báo cáo sử dụng Sổ tay: ${written.toLocaleString("vi-VN")} dòng`);
    // Fresh statistics so the roll-up queries get good plans inside the seed transaction.
    await client.query(`ANALYZE "OrgUnit"; ANALYZE "OrgUnitPlacement"; ANALYZE "Member"; ANALYZE "UsageSnapshot"`);
    const started = Date.now();
    await refreshHandbookStats(pgRunner(client), {
      periods: usagePeriods(today),
      onPeriod: (period, done, total) => log(`Tổng hợp số liệu Sổ tay: tháng ${period} (${done}/${total})`),
    });
    await client.query(`ANALYZE "HandbookStat"`);
    log(`Số liệu tổng hợp xong sau ${((Date.now() - started) / 1000).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} giây`);
  },
};
