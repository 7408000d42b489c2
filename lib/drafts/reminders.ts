import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { now } from "@/lib/clock";
import { assertCan, inScope, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { formatDateTime, formatPeriod, formatWaitingDays, daysWaited } from "@/lib/format/date";
import { createNotification } from "@/lib/notifications/create-notification";
import { findUsersCovering } from "@/lib/notifications/find-recipients";
import { getSetting } from "@/lib/settings/app-settings";
import { findUnitInScope } from "@/lib/org/org-units";
import { findDraftInScope } from "./find-draft-in-scope";
import { resubmitDueAt } from "./deadlines";
import { RESUBMIT_DAYS } from "./settings";

/** A second reminder to the same ward or branch within this time is refused: one nudge, not a stream. */
const REMINDER_INTERVAL_HOURS = 12;

export type ReminderKind = "WARD_FEEDBACK" | "BRANCH_RESUBMIT";
export type ReminderView = { count: number; lastAt: Date; lastBy: string; lastMessage: string };

const NoteSchema = z.preprocess((value) => (typeof value === "string" && !value.trim() ? undefined : value), z.string().trim().max(500, "Lời nhắn tối đa 500 ký tự.").optional());
const WardReminderSchema = z.object({ wardId: z.coerce.number({ message: "Chọn phường cần nhắc." }).int().positive("Chọn phường cần nhắc."), note: NoteSchema });
const BranchReminderSchema = z.object({ draftId: z.coerce.number({ message: "Chọn dự thảo cần nhắc." }).int().positive("Chọn dự thảo cần nhắc."), note: NoteSchema });

async function refuseIfJustReminded(orgUnitId: number, draftId: number | null, at: Date) {
  const last = await db().reminder.findFirst({ where: { orgUnitId, ...(draftId ? { draftId } : {}), createdAt: { gt: new Date(at.getTime() - REMINDER_INTERVAL_HOURS * 3_600_000) } }, orderBy: { createdAt: "desc" } });
  if (last) throw new ValidationError(`Đã nhắc lúc ${formatDateTime(last.createdAt)} (${last.sentByName}). Có thể nhắc lại sau ${REMINDER_INTERVAL_HOURS} giờ.`);
}

/**
 * The board reminds a ward committee of the requests for changes it has not
 * acknowledged. Recorded (reminder, audit) and sent as a notification to the
 * ward's committee accounts.
 */
export async function remindWard(actor: Actor, rawInput: unknown): Promise<{ id: number; notified: number }> {
  assertCan(actor, "feedback.remind");
  const input = parseInput(WardReminderSchema, rawInput);
  const ward = await findUnitInScope(actor, input.wardId, "org.read");
  if (ward.level !== "WARD") throw new NotFoundError("Không tìm thấy phường.");
  const at = now();
  const waiting = await db().$queryRaw<{ open: number; oldest: Date | null }[]>`
    SELECT count(*)::int AS open, min(f."createdAt") AS oldest
    FROM "Feedback" f JOIN "Draft" d ON d.id = f."draftId" JOIN "OrgUnit" b ON b.id = f."branchId"
    WHERE b.path LIKE ${ward.path} || '%' AND f."acknowledgedAt" IS NULL AND f.decision = 'CHANGES_REQUESTED' AND d."feedbackPendingSince" = f."createdAt"`;
  const { open, oldest } = waiting[0];
  if (!open) throw new ValidationError(`${ward.name} không còn yêu cầu chỉnh sửa nào chờ xác nhận.`);
  await refuseIfJustReminded(ward.id, null, at);
  const message = `${open} yêu cầu chỉnh sửa chưa xác nhận, lâu nhất ${formatWaitingDays(daysWaited(oldest!, at))}.${input.note ? ` ${input.note}` : ""}`;
  return db().$transaction(async (tx) => {
    const reminder = await tx.reminder.create({ data: { kind: "WARD_FEEDBACK", orgUnitId: ward.id, message, sentByUserId: actor.kind === "user" ? actor.id : null, sentByName: actor.displayName, createdAt: at } });
    await recordAuditEvent(tx, actor, { action: "reminder.sent", entityType: "Reminder", entityId: reminder.id, orgUnitId: ward.id, details: { kind: "WARD_FEEDBACK", open } });
    const notified = await createNotification(tx, {
      userIds: await findUsersCovering(tx, ward.path, ["WARD_COMMITTEE"]),
      kind: "reminder.feedback",
      title: `${actor.displayName} nhắc ${ward.name} xác nhận phản hồi dự thảo`,
      body: message,
      href: "/feedback?status=open",
      orgUnitId: ward.id,
      exceptUserId: actor.kind === "user" ? actor.id : null,
    });
    return { id: reminder.id, notified };
  });
}

/**
 * A ward committee reminds a branch to send again a draft it was asked to
 * change, with the resubmission deadline. Recorded and notified to the
 * branch's secretary.
 */
export async function remindBranch(actor: Actor, rawInput: unknown): Promise<{ id: number; notified: number }> {
  assertCan(actor, "draft.remind");
  const input = parseInput(BranchReminderSchema, rawInput);
  const draft = await findDraftInScope(actor, input.draftId);
  if (draft.status !== "CHANGES_REQUESTED" || !draft.reviewedAt) throw new ValidationError("Dự thảo này không chờ chi bộ nộp lại.");
  const at = now();
  await refuseIfJustReminded(draft.branchId, draft.id, at);
  const dueAt = resubmitDueAt(draft.reviewedAt, await getSetting(RESUBMIT_DAYS));
  const message = `Nộp lại dự thảo ${formatPeriod(draft.period).toLowerCase()} theo góp ý ${at > dueAt ? `— đã quá hạn ${formatDateTime(dueAt)}` : `trước ${formatDateTime(dueAt)}`}.${input.note ? ` ${input.note}` : ""}`;
  return db().$transaction(async (tx) => {
    const reminder = await tx.reminder.create({ data: { kind: "BRANCH_RESUBMIT", orgUnitId: draft.branchId, draftId: draft.id, message, sentByUserId: actor.kind === "user" ? actor.id : null, sentByName: actor.displayName, createdAt: at } });
    await recordAuditEvent(tx, actor, { action: "reminder.sent", entityType: "Reminder", entityId: reminder.id, orgUnitId: draft.branchId, details: { kind: "BRANCH_RESUBMIT", draftId: draft.id } });
    const notified = await createNotification(tx, {
      userIds: await findUsersCovering(tx, draft.branch.path, ["BRANCH_SECRETARY"]),
      kind: "reminder.draft",
      title: `${actor.displayName} nhắc ${draft.branch.name} nộp lại dự thảo`,
      body: message,
      href: `/drafts/write?period=${draft.period}`,
      orgUnitId: draft.branchId,
      exceptUserId: actor.kind === "user" ? actor.id : null,
    });
    return { id: reminder.id, notified };
  });
}

/**
 * Reminders sent to units (or about drafts) in the actor's scope, per unit or
 * draft: how many, and the latest. Units and drafts outside the scope are
 * left out, whatever ids are asked for.
 */
export async function remindersFor(actor: Actor, query: { orgUnitIds?: number[]; draftIds?: number[]; since?: Date }): Promise<{ byUnit: Map<number, ReminderView>; byDraft: Map<number, ReminderView> }> {
  const byUnit = new Map<number, ReminderView>();
  const byDraft = new Map<number, ReminderView>();
  const orgUnitIds = query.orgUnitIds ?? [];
  const draftIds = query.draftIds ?? [];
  if (!orgUnitIds.length && !draftIds.length) return { byUnit, byDraft };
  const rows = await db().reminder.findMany({
    where: { OR: [...(orgUnitIds.length ? [{ orgUnitId: { in: orgUnitIds }, draftId: null }] : []), ...(draftIds.length ? [{ draftId: { in: draftIds } }] : [])], ...(query.since ? { createdAt: { gte: query.since } } : {}) },
    orderBy: { createdAt: "asc" },
  });
  if (!rows.length) return { byUnit, byDraft };
  const units = await db().orgUnit.findMany({ where: { id: { in: [...new Set(rows.map((row) => row.orgUnitId))] } }, select: { id: true, path: true } });
  const visible = new Set(units.filter((unit) => inScope(actor, unit.path)).map((unit) => unit.id));
  for (const row of rows) {
    if (!visible.has(row.orgUnitId)) continue;
    const target = row.draftId ? byDraft : byUnit;
    const key = row.draftId ?? row.orgUnitId;
    const before = target.get(key);
    target.set(key, { count: (before?.count ?? 0) + 1, lastAt: row.createdAt, lastBy: row.sentByName, lastMessage: row.message });
  }
  return { byUnit, byDraft };
}
