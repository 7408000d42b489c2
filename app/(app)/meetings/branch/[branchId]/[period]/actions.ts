"use server";

import { formAction } from "@/lib/actions/form-action";
import { closeMeeting } from "@/lib/meetings/close-meeting";
import { reopenMeetingPeriod } from "@/lib/meetings/reopen-period";
import { announceMeeting } from "@/lib/meetings/announce-meeting";
import { ValidationError } from "@/lib/errors";
import { formatDate } from "@/lib/format/date";

/** Minutes and the documents list come as minutes, docTitle.N, docSentOn.N. */
export const closeMeetingAction = formAction({ permission: "meeting.record" }, async (actor, input) => {
  const indexes = [...new Set(Object.keys(input).filter((key) => /^docTitle\.\d+$/.test(key)).map((key) => Number(key.split(".")[1])))].sort((a, b) => a - b);
  const documents = indexes
    .map((i) => ({ title: (input[`docTitle.${i}`] ?? "").trim(), sentOn: input[`docSentOn.${i}`] ?? "", index: i }))
    .filter((doc) => doc.title || doc.sentOn);
  try {
    await closeMeeting(actor, Number(input.meetingId), {
      minutes: input.minutes ?? "",
      documents: documents.map(({ title, sentOn }) => ({ title, sentOn })),
      expectedVersionNo: input.expectedVersionNo ? Number(input.expectedVersionNo) : undefined,
    });
  } catch (error) {
    // Field names of the list as the form knows them.
    if (error instanceof ValidationError) {
      throw new ValidationError(
        error.message,
        error.details.map((detail) => {
          const match = /^documents\.(\d+)\.(title|sentOn)$/.exec(detail.field ?? "");
          return match ? { ...detail, field: `${match[2] === "title" ? "docTitle" : "docSentOn"}.${documents[Number(match[1])]?.index ?? match[1]}` } : detail;
        }),
      );
    }
    throw error;
  }
  return { status: "success", message: "Đã lưu biên bản và tài liệu. Cuộc họp đã hoàn tất." };
});

export const reopenPeriodAction = formAction({ permission: "meeting.reopen" }, async (actor, input) => {
  const reopened = await reopenMeetingPeriod(actor, { branchId: Number(input.branchId), period: input.period, reason: input.reason ?? "" });
  return { status: "success", message: `Đã mở lại kỳ cho chi bộ đến hết ngày ${formatDate(reopened.openUntil)}.` };
});

export const announceMeetingAction = formAction({ permission: "meeting.record" }, async (actor, input) => {
  const schedule = await announceMeeting(actor, {
    branchId: Number(input.branchId),
    period: input.period,
    kind: input.kind,
    plannedOn: input.plannedOn ?? "",
    startTime: input.startTime ?? "",
    place: input.place ?? "",
    agenda: input.agenda ?? "",
    expectedVersionNo: input.expectedVersionNo ? Number(input.expectedVersionNo) : undefined,
  });
  if (!schedule.changed) return { status: "success", message: "Lịch họp không thay đổi." };
  return { status: "success", message: `Đã thông báo lịch họp ngày ${formatDate(schedule.plannedOn)} lúc ${schedule.startTime}. Đảng ủy phường đã nhận thông báo.` };
});
