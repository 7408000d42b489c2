// The recording form's fields → the body of a meeting upsert. Shared by the
// server action and the offline queue (client), so both send the same thing.
import type { ErrorDetail } from "@/lib/errors";
import type { RecordMeetingInput } from "./schemas";

export type MeetingFormFields = Record<string, string | undefined>;
type Attendance = { memberId: number; status: string; reason: string | null }[];

/** The form sends status.<memberId> (and reason.<memberId>) for each expected member. */
export function meetingInputFromForm(input: MeetingFormFields): RecordMeetingInput & { attendance: Attendance } {
  const memberIds = Object.keys(input)
    .filter((key) => /^status\.\d+$/.test(key))
    .map((key) => Number(key.slice("status.".length)));
  const attendance = memberIds.map((memberId) => ({ memberId, status: input[`status.${memberId}`] ?? "", reason: input[`reason.${memberId}`] || null }));
  return {
    branchId: Number(input.branchId),
    period: input.period ?? "",
    kind: (input.kind ?? "") as RecordMeetingInput["kind"],
    heldOn: input.heldOn ?? "",
    usedHandbook: input.usedHandbook === "on",
    notes: input.notes ?? null,
    // Conduct: an empty field is "not recorded".
    startTime: input.startTime || null,
    endTime: input.endTime || null,
    place: input.place ?? null,
    committeePrepared: input.committeePrepared === "yes" ? true : input.committeePrepared === "no" ? false : null,
    committeePreparedOn: input.committeePreparedOn || null,
    combinedWithThematic: input.combinedWithThematic === "on",
    attendance: attendance as RecordMeetingInput["attendance"] & Attendance,
    expectedVersionNo: input.expectedVersionNo ? Number(input.expectedVersionNo) : undefined,
  };
}

/** attendance.N.reason → reason.<memberId>, the names the form uses. */
export function formFieldDetails(details: ErrorDetail[], attendance: { memberId: number }[]): { message?: string; details: ErrorDetail[] } {
  return {
    message: details.some((detail) => detail.field?.endsWith(".reason")) ? "Vắng có lý do: nhập lý do cho từng người được đánh dấu." : undefined,
    details: details.map((detail) => {
      const match = /^attendance\.(\d+)\.(reason|status|memberId)$/.exec(detail.field ?? "");
      return match ? { ...detail, field: `${match[2] === "reason" ? "reason" : "status"}.${attendance[Number(match[1])]?.memberId}` } : detail;
    }),
  };
}
