import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { DismissAlertSchema } from "./schemas";
import { findMeetingInScope } from "./find-meeting";
import { findBranchInScope } from "./find-branch";
import { findDataQualityAlerts } from "./data-quality-alerts";

/** Someone who checked an alert dismisses it with a reason (audited). Only an alert that currently applies, in scope, can be dismissed. */
export async function dismissDataQualityAlert(actor: Actor, raw: unknown, options: { now?: Date } = {}) {
  assertCan(actor, "meeting.alert.dismiss");
  const input = parseInput(DismissAlertSchema, raw);
  let branchId: number;
  let period: string;
  if (input.subjectKey.startsWith("meeting:")) {
    const meeting = await findMeetingInScope(actor, Number(input.subjectKey.slice("meeting:".length)));
    branchId = meeting.branchId;
    period = meeting.period;
  } else {
    const [, id, year] = input.subjectKey.split(":");
    branchId = (await findBranchInScope(actor, Number(id))).id;
    if (!input.period || input.period.slice(0, 4) !== year) throw new ValidationError("Cần kỳ (period) trong năm của cảnh báo.", [{ field: "period", message: "Cần kỳ trong năm của cảnh báo." }]);
    period = input.period;
  }
  const current = await findDataQualityAlerts(actor, { orgUnitId: branchId, period, kind: input.kind, includeDismissed: true, now: options.now });
  const alert = current.items.find((item) => item.subjectKey === input.subjectKey);
  if (!alert) throw new NotFoundError("Không có cảnh báo này (có thể dữ liệu đã được sửa).");
  if (alert.dismissal) throw new ConflictError("Cảnh báo này đã được bỏ qua trước đó.");
  try {
    return await db().$transaction(async (tx) => {
      const created = await tx.dataQualityDismissal.create({
        data: { kind: input.kind, subjectKey: input.subjectKey, branchId, period, reason: input.reason, dismissedById: actor.kind === "user" ? actor.id : null, dismissedByLabel: actor.label },
      });
      await recordAuditEvent(tx, actor, {
        action: "meeting.alert.dismissed",
        entityType: "DataQualityDismissal",
        entityId: created.id,
        orgUnitId: branchId,
        details: { kind: input.kind, subjectKey: input.subjectKey, period, reason: input.reason, explanation: alert.explanation },
      });
      return { id: created.id, kind: created.kind, subjectKey: created.subjectKey, reason: created.reason };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ConflictError("Cảnh báo này đã được bỏ qua trước đó.");
    throw error;
  }
}
