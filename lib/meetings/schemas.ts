// Inputs of the meeting area, shared by forms (early hints) and the server (the real check).
import { z } from "zod";
import { addMonths, currentPeriod, PeriodSchema } from "@/lib/periods/period";
import { lenientPageParam } from "@/lib/validation/pagination";
import { flagParam, periodParam, unitParam, yearParam } from "@/lib/validation/page-params";
import { ALERT_KINDS, ATTENDANCE_STATUSES, MEETING_KINDS, SCHEDULE_STATES } from "./labels";

export const IsoDateSchema = z
  .string({ message: "Nhập ngày dạng YYYY-MM-DD." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày phải có dạng YYYY-MM-DD, ví dụ 2026-11-12.")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, "Ngày không có thật trên lịch.");

const Id = (what: string) => z.coerce.number({ message: `${what} phải là số.` }).int(`${what} phải là số nguyên.`).positive(`${what} phải là số dương.`).max(2_147_483_647, `${what} không hợp lệ.`);

const MeetingKindSchema = z.enum(MEETING_KINDS, { message: "Loại sinh hoạt là REGULAR (thường kỳ) hoặc THEMATIC (chuyên đề)." });

const AttendanceEntrySchema = z
  .object({
    memberId: Id("memberId"),
    status: z.enum(ATTENDANCE_STATUSES, { message: "Trạng thái là PRESENT, EXCUSED hoặc UNEXCUSED." }),
    reason: z.string({ message: "Lý do phải là chữ." }).trim().max(300, "Lý do dài tối đa 300 ký tự.").nullish(),
  })
  .transform((entry) => ({ ...entry, reason: entry.status === "PRESENT" ? null : entry.reason || null }))
  .refine((entry) => entry.status !== "EXCUSED" || !!entry.reason, { message: "Vắng có lý do: nhập lý do.", path: ["reason"] });

const MeetingDocumentSchema = z.object({
  title: z.string({ message: "Nhập tên tài liệu." }).trim().min(1, "Nhập tên tài liệu.").max(300, "Tên tài liệu dài tối đa 300 ký tự."),
  sentOn: IsoDateSchema,
});

const MinutesSchema = z.string({ message: "Nhập biên bản cuộc họp." }).trim().min(20, "Biên bản cần ít nhất 20 ký tự: nội dung chính, kết luận, phân công.").max(20_000, "Biên bản dài tối đa 20.000 ký tự.");

const TimeOfDaySchema = z.string({ message: "Nhập giờ dạng HH:MM." }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Giờ phải có dạng HH:MM, ví dụ 07:30.");

/** What the quality criteria judge beyond attendance: when and where, the committee's preparation, a combined meeting. All optional (older clients send none). */
const MeetingConductFields = {
  startTime: TimeOfDaySchema.nullish(),
  endTime: TimeOfDaySchema.nullish(),
  place: z.string({ message: "Địa điểm phải là chữ." }).trim().max(300, "Địa điểm dài tối đa 300 ký tự.").nullish(),
  committeePrepared: z.boolean({ message: "committeePrepared phải là true hoặc false." }).nullish(),
  committeePreparedOn: IsoDateSchema.nullish(),
  combinedWithThematic: z.boolean({ message: "combinedWithThematic phải là true hoặc false." }).optional(),
};

/** One meeting of a branch for a period and kind, with the attendance of every expected member. PUT /api/v1/meetings and the recording form. */
export const RecordMeetingSchema = z
  .object({
    branchId: Id("branchId"),
    period: PeriodSchema,
    kind: MeetingKindSchema,
    heldOn: IsoDateSchema,
    usedHandbook: z.boolean({ message: "usedHandbook phải là true hoặc false." }),
    notes: z.string({ message: "Ghi chú phải là chữ." }).trim().max(2000, "Ghi chú dài tối đa 2.000 ký tự.").nullish(),
    /** Optional here: closes the meeting when given. */
    minutes: MinutesSchema.nullish(),
    documents: z.array(MeetingDocumentSchema, { message: "documents phải là danh sách." }).max(30, "Tối đa 30 tài liệu.").optional(),
    attendance: z.array(AttendanceEntrySchema, { message: "attendance phải là danh sách điểm danh." }).max(1000, "Tối đa 1.000 dòng điểm danh."),
    /** Precondition: the version the client started from; 0 = the meeting must not exist yet (an offline save of a new meeting). */
    expectedVersionNo: z.number({ message: "expectedVersionNo phải là số." }).int().min(0, "expectedVersionNo từ 0.").optional(),
    ...MeetingConductFields,
  })
  .superRefine((input, context) => {
    if ((input.startTime == null) !== (input.endTime == null)) {
      const field = input.startTime == null ? "startTime" : "endTime";
      context.addIssue({ code: "custom", path: [field], message: "Nhập cả giờ bắt đầu và giờ kết thúc." });
    } else if (input.startTime && input.endTime && input.endTime <= input.startTime) {
      context.addIssue({ code: "custom", path: ["endTime"], message: "Giờ kết thúc phải sau giờ bắt đầu." });
    }
    if (input.committeePreparedOn && input.committeePrepared === false) {
      context.addIssue({ code: "custom", path: ["committeePreparedOn"], message: "Chi ủy không họp chuẩn bị thì không có ngày họp chuẩn bị." });
    }
    if (input.committeePreparedOn && input.committeePreparedOn > input.heldOn) {
      context.addIssue({ code: "custom", path: ["committeePreparedOn"], message: "Chi ủy họp chuẩn bị trước hoặc trong ngày sinh hoạt." });
    }
    const seen = new Set<number>();
    input.attendance.forEach((entry, index) => {
      if (seen.has(entry.memberId)) context.addIssue({ code: "custom", path: ["attendance", index, "memberId"], message: `Đảng viên #${entry.memberId} được điểm danh hai lần.` });
      seen.add(entry.memberId);
    });
  });


export type RecordMeetingInput = z.input<typeof RecordMeetingSchema>;

/** Closing a meeting: the minutes (required) and the documents sent to members beforehand. */
export const CloseMeetingSchema = z.object({
  minutes: MinutesSchema,
  documents: z.array(MeetingDocumentSchema).max(30, "Tối đa 30 tài liệu."),
  expectedVersionNo: z.number().int().positive().optional(),
});

export const ReopenPeriodSchema = z.object({
  branchId: Id("branchId"),
  period: PeriodSchema,
  reason: z.string({ message: "Nhập lý do mở lại." }).trim().min(5, "Nhập lý do mở lại (ít nhất 5 ký tự).").max(500, "Lý do dài tối đa 500 ký tự."),
});

export const DismissAlertSchema = z.object({
  kind: z.enum(ALERT_KINDS, { message: "Loại cảnh báo không hợp lệ." }),
  subjectKey: z.string({ message: "Thiếu mã cảnh báo." }).regex(/^(meeting:\d{1,10}|branch:\d{1,10}:\d{4})$/, "Mã cảnh báo không hợp lệ."),
  /** The period the alert was shown for (needed for alerts about a branch rather than one meeting). */
  period: PeriodSchema.optional(),
  reason: z.string({ message: "Nhập lý do bỏ qua cảnh báo." }).trim().min(5, "Nhập lý do bỏ qua cảnh báo (ít nhất 5 ký tự).").max(500, "Lý do dài tối đa 500 ký tự."),
});

export const OrgUnitIdSchema = Id("orgUnitId").optional();

export const YearSchema = z.coerce.number({ message: "year phải là năm, ví dụ 2026." }).int("year phải là năm, ví dụ 2026.").min(2000, "year từ 2000.").max(2100, "year đến 2100.");

/** The next meeting announced ahead: date, start time, place and content. */
export const AnnounceMeetingSchema = z.object({
  branchId: Id("branchId"),
  period: PeriodSchema,
  kind: MeetingKindSchema,
  plannedOn: IsoDateSchema,
  startTime: TimeOfDaySchema,
  place: z.string({ message: "Nhập địa điểm." }).trim().min(2, "Nhập địa điểm.").max(300, "Địa điểm dài tối đa 300 ký tự."),
  agenda: z.string({ message: "Nhập nội dung sinh hoạt." }).trim().min(10, "Nhập nội dung sinh hoạt (ít nhất 10 ký tự).").max(5000, "Nội dung dài tối đa 5.000 ký tự."),
  expectedVersionNo: z.number({ message: "expectedVersionNo phải là số." }).int().positive().optional(),
});
export type AnnounceMeetingInput = z.input<typeof AnnounceMeetingSchema>;

// ---- Search params of the meeting pages (read with lib/validation/page-params.ts) ----
// A malformed ?unit= is reported invalid: the pages answer 404, as for a unit out of scope.

/** A month not after this one: the records of a month that has not begun do not exist yet. */
const pastPeriodParam = periodParam.refine((period) => period === undefined || period <= currentPeriod());

/** /meetings: a unit's compliance for a month, its children or (above a ward) all its branches. */
export const CompliancePageParams = z.object({
  unit: unitParam,
  period: pastPeriodParam,
  view: z.enum(["children", "branches"]).optional(),
  page: lenientPageParam,
  mode: z.enum(["held", "quality"]).default("held"),
});

/** /meetings/schedules: schedules go out around the 20th for a meeting early next month, so next month is the latest. */
export const SchedulesPageParams = z.object({
  unit: unitParam,
  period: periodParam.refine((period) => period === undefined || period <= addMonths(currentPeriod(), 1)),
  state: z.enum(SCHEDULE_STATES).optional(),
  page: lenientPageParam,
});

const thisYear = () => Number(currentPeriod().slice(0, 4));

/** /meetings/flags: a year among this one and the five before it. */
export const FlagsPageParams = z.object({
  unit: unitParam,
  year: yearParam.refine((year) => year === undefined || (year <= thisYear() && year >= thisYear() - 5)),
  page: lenientPageParam,
});

/** /meetings/alerts: ?all=1 includes the dismissed alerts. */
export const AlertsPageParams = z.object({
  unit: unitParam,
  period: pastPeriodParam,
  kind: z.enum(ALERT_KINDS).optional(),
  all: flagParam,
  page: lenientPageParam,
});

/** /meetings/branch/[branchId]: twelve months up to ?period=. */
export const BranchMeetingsPageParams = z.object({ period: pastPeriodParam });

/** /meetings/branch/[branchId]/[period]: ?saved=<kind> after a meeting was recorded. */
export const MeetingPeriodPageParams = z.object({ saved: MeetingKindSchema.optional() });

/** The record and print pages of a branch's month: which meeting (the regular one by default). */
export const MeetingKindPageParams = z.object({ kind: MeetingKindSchema.default("REGULAR") });
