"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/form-action";
import { recordMeeting } from "@/lib/meetings/record-meeting";
import { ValidationError } from "@/lib/errors";
import { conductFromForm } from "@/lib/meetings/schemas";

/** The form sends status.<memberId> (and reason.<memberId>) for each expected member. */
export const recordMeetingAction = formAction({ permission: "meeting.record" }, async (actor, input) => {
  const memberIds = Object.keys(input)
    .filter((key) => /^status\.\d+$/.test(key))
    .map((key) => Number(key.slice("status.".length)));
  const attendance = memberIds.map((memberId) => ({ memberId, status: input[`status.${memberId}`], reason: input[`reason.${memberId}`] || null }));
  const branchId = Number(input.branchId);
  try {
    await recordMeeting(actor, {
      branchId,
      period: input.period,
      kind: input.kind,
      heldOn: input.heldOn ?? "",
      usedHandbook: input.usedHandbook === "on",
      notes: input.notes ?? null,
      ...conductFromForm(input),
      attendance,
      expectedVersionNo: input.expectedVersionNo ? Number(input.expectedVersionNo) : undefined,
    });
  } catch (error) {
    // attendance.N.reason → reason.<memberId>, the names the form uses.
    if (error instanceof ValidationError) {
      throw new ValidationError(
        error.details.some((detail) => detail.field?.endsWith(".reason")) ? "Vắng có lý do: nhập lý do cho từng người được đánh dấu." : error.message,
        error.details.map((detail) => {
          const match = /^attendance\.(\d+)\.(reason|status|memberId)$/.exec(detail.field ?? "");
          return match ? { ...detail, field: `${match[2] === "reason" ? "reason" : "status"}.${attendance[Number(match[1])]?.memberId}` } : detail;
        }),
      );
    }
    throw error;
  }
  redirect(`/meetings/branch/${branchId}/${input.period}?saved=${input.kind}`);
});
