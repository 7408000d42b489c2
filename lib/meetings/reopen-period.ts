import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { getSetting } from "@/lib/settings/app-settings";
import { formatDate, formatPeriod, todayIso, addDays } from "@/lib/format/date";
import { ReopenPeriodSchema } from "./schemas";
import { findBranchInScope } from "./find-branch";
import { refreshMeetingStatsAfterWrite } from "./meeting-stats";
import { loadEditingWindow } from "./load-editing-window";
import { REOPEN_DAYS } from "./settings";

/** The board reopens a locked period of one branch for a few days (setting), with a reason; audited. */
export async function reopenMeetingPeriod(actor: Actor, raw: unknown, options: { now?: Date } = {}) {
  assertCan(actor, "meeting.reopen");
  const input = parseInput(ReopenPeriodSchema, raw);
  const branch = await findBranchInScope(actor, input.branchId);
  const today = todayIso(options.now);
  const window = await loadEditingWindow(branch.id, input.period, today);
  if (window.state !== "LOCKED") {
    const message = window.state === "FUTURE" ? `${formatPeriod(input.period)} chưa bắt đầu.` : `${formatPeriod(input.period)} vẫn đang mở để sửa đến hết ngày ${formatDate(window.until)}.`;
    throw new ValidationError(message, [{ field: "period", message }]);
  }
  const days = await getSetting(REOPEN_DAYS);
  const openUntil = addDays(today, days);
  const reopening = await db().$transaction(async (tx) => {
    const created = await tx.meetingReopening.create({
      data: { branchId: branch.id, period: input.period, openUntil: new Date(`${openUntil}T00:00:00Z`), reason: input.reason, reopenedById: actor.kind === "user" ? actor.id : null, reopenedByLabel: actor.label },
    });
    await recordAuditEvent(tx, actor, {
      action: "meeting.period.reopened",
      entityType: "MeetingReopening",
      entityId: created.id,
      orgUnitId: branch.id,
      details: { period: input.period, openUntil, reason: input.reason },
    });
    // Reopening changes no meeting; refreshing keeps the month's roll-up in step if it was edited in the database meanwhile.
    await refreshMeetingStatsAfterWrite(tx, [{ branchId: branch.id, period: input.period }]);
    return created;
  });
  return { id: reopening.id, branchId: branch.id, period: input.period, openUntil, reason: input.reason };
}
