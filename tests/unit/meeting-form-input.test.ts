import { formFieldDetails, meetingInputFromForm } from "@/lib/meetings/meeting-form-input";
import { RecordMeetingSchema } from "@/lib/meetings/schemas";

describe("the recording form's fields → a meeting upsert (server action and offline queue alike)", () => {
  const fields = { branchId: "7", period: "2026-11", kind: "REGULAR", heldOn: "2026-11-12", usedHandbook: "on", notes: "", "status.11": "PRESENT", "status.12": "EXCUSED", "reason.12": "Ốm", "status.13": "UNEXCUSED", expectedVersionNo: "0" };

  it("reads every member's status and reason, the checkbox and the version the form started from", () => {
    const input = meetingInputFromForm(fields);
    expect(input).toMatchObject({ branchId: 7, period: "2026-11", kind: "REGULAR", heldOn: "2026-11-12", usedHandbook: true, expectedVersionNo: 0 });
    expect(input.attendance).toEqual([
      { memberId: 11, status: "PRESENT", reason: null },
      { memberId: 12, status: "EXCUSED", reason: "Ốm" },
      { memberId: 13, status: "UNEXCUSED", reason: null },
    ]);
    expect(RecordMeetingSchema.safeParse(input).success).toBe(true);
    expect(meetingInputFromForm({ ...fields, expectedVersionNo: "", usedHandbook: undefined })).toMatchObject({ usedHandbook: false, expectedVersionNo: undefined });
  });

  it("names a missing reason by the member, as the form shows it", () => {
    const input = meetingInputFromForm({ ...fields, "reason.12": "" });
    const parsed = RecordMeetingSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    const details = parsed.error!.issues.map((issue) => ({ field: issue.path.join("."), message: issue.message }));
    const mapped = formFieldDetails(details, input.attendance);
    expect(mapped.message).toBe("Vắng có lý do: nhập lý do cho từng người được đánh dấu.");
    expect(mapped.details.map((detail) => detail.field)).toEqual(["reason.12"]);
  });
});
