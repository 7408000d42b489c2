"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/form-action";
import { recordMeeting } from "@/lib/meetings/record-meeting";
import { formFieldDetails, meetingInputFromForm } from "@/lib/meetings/meeting-form-input";
import { feeInputFromMeetingForm, meetingFeeFieldDetails } from "@/lib/fees/fee-form-input";
import { ValidationError } from "@/lib/errors";

export const recordMeetingAction = formAction({ permission: "meeting.record" }, async (actor, input) => {
  const meeting = meetingInputFromForm(input);
  const fees = feeInputFromMeetingForm(input)?.fees ?? [];
  try {
    await recordMeeting(actor, meeting, { fees });
  } catch (error) {
    if (error instanceof ValidationError) {
      const mapped = formFieldDetails(error.details, meeting.attendance);
      throw new ValidationError(mapped.message ?? error.message, meetingFeeFieldDetails(mapped.details, fees));
    }
    throw error;
  }
  redirect(`/meetings/branch/${meeting.branchId}/${input.period}?saved=${input.kind}`);
});
