import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { currentPeriod, type Period } from "@/lib/periods/period";
import { prismaRunner } from "@/lib/stats/sql-runner";
import { loadQualityThresholds } from "./meeting-quality";
import { QUALITY_DOCUMENTS_DAYS_BEFORE, QUALITY_MIN_ATTENDANCE_PERCENT, QUALITY_MIN_MINUTES, QUALITY_MIN_MINUTES_COMBINED, SCHEDULE_DAYS_AHEAD } from "./settings";
import { listMeetingStatPeriods, lockMeetingStats, monthsToRollUp, periodsReachedBy, refreshMeetingStats } from "./refresh-meeting-stats";

/**
 * Brings the meeting roll-up up to date after meetings of these branches and
 * months changed, in the writer's transaction (after its writes). The other
 * months of each quarter follow (the quarter's thematic meeting counts for
 * all three). Returns the changed months that have no roll-up yet: the caller
 * builds them with buildMeetingStatMonths once it has committed (readers
 * compute such months live meanwhile), so a secretary's save never waits for
 * a whole month of the city to be built. Imports (long transactions) pass
 * `buildNewMonths` and build them in place.
 */
export async function refreshMeetingStatsAfterWrite(tx: Tx, changes: { branchId: number; period: Period }[], options: { buildNewMonths?: boolean } = {}): Promise<Period[]> {
  if (!changes.length) return [];
  const run = prismaRunner(tx);
  // Through the writer's own connection: one holding the meeting's row lock must never wait for a
  // second pooled connection while the other writers hold the pool waiting for that lock.
  const thresholds = await loadQualityThresholds(tx);
  await lockMeetingStats(run);
  const touched = [...new Set(changes.map((change) => change.period))];
  const covered = new Set(await listMeetingStatPeriods(run));
  const unbuilt = touched.filter((period) => !covered.has(period) && period <= currentPeriod());
  const periods = periodsReachedBy(touched).filter((period) => covered.has(period) || (options.buildNewMonths && unbuilt.includes(period)));
  await refreshMeetingStats(run, { periods, branchIds: changes.map((change) => change.branchId), thresholds });
  return options.buildNewMonths ? [] : unbuilt;
}

/** Builds the roll-up of months that have none yet (in its own transaction; a month built meanwhile is left alone). */
export async function buildMeetingStatMonths(periods: Period[]): Promise<void> {
  if (!periods.length) return;
  const thresholds = await loadQualityThresholds();
  await db().$transaction(
    async (tx) => {
      const run = prismaRunner(tx);
      await lockMeetingStats(run);
      const covered = new Set(await listMeetingStatPeriods(run));
      await refreshMeetingStats(run, { periods: periods.filter((period) => !covered.has(period)), thresholds });
    },
    { timeout: 5 * 60_000, maxWait: 60_000 },
  );
}

/**
 * Rebuilds every month's meeting roll-up from the meetings: after a quality
 * threshold changed, or a fix made straight in the database. Administrators
 * only; audited.
 */
export async function rebuildMeetingStats(actor: Actor, options: { onPeriod?: (period: Period, done: number, total: number) => void } = {}): Promise<{ periods: number }> {
  assertCan(actor, "settings.manage");
  const thresholds = await loadQualityThresholds();
  return db().$transaction(
    async (tx) => {
      const run = prismaRunner(tx);
      const [first] = await tx.$queryRaw<{ period: string | null }[]>`SELECT min(period) AS period FROM "Meeting"`;
      const covered = await listMeetingStatPeriods(run);
      const latest = currentPeriod();
      const from = [first?.period, covered[0]].filter((period): period is string => !!period && period <= latest).sort()[0] ?? latest;
      const periods = monthsToRollUp(from, latest);
      await refreshMeetingStats(run, { periods, thresholds, onPeriod: options.onPeriod });
      await recordAuditEvent(tx, actor, { action: "stats.meetings.rebuilt", entityType: "MeetingStat", details: { periods: periods.length } });
      return { periods: periods.length };
    },
    { timeout: 15 * 60_000, maxWait: 30_000 },
  );
}

const JUDGING_SETTINGS = [QUALITY_MIN_MINUTES, QUALITY_MIN_MINUTES_COMBINED, QUALITY_MIN_ATTENDANCE_PERCENT, QUALITY_DOCUMENTS_DAYS_BEFORE, SCHEDULE_DAYS_AHEAD].map((setting) => setting.key);

/** After a setting changed: a threshold the roll-up judges by rebuilds it, so the figures follow the new rule. */
export async function applySettingToMeetingStats(actor: Actor, key: string): Promise<boolean> {
  if (!JUDGING_SETTINGS.includes(key)) return false;
  await rebuildMeetingStats(actor);
  return true;
}
