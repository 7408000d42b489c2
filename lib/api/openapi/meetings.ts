// OpenAPI paths of the meetings area (docs/meetings.md): members of a branch,
// meetings (idempotent upsert), compliance, member flags, data-quality alerts.
import { z } from "zod";
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { ALERT_KINDS } from "@/lib/meetings/labels";
import { QUALITY_CRITERIA } from "@/lib/meetings/quality";
import { AlertsQuery, BranchMembersQuery, ComplianceExportQuery, ComplianceQuery, FlagsQuery, ListMeetingsQuery, SchedulesQuery } from "@/lib/meetings/api-queries";
import { AnnounceMeetingSchema, CloseMeetingSchema, DismissAlertSchema, RecordMeetingSchema, ReopenPeriodSchema } from "@/lib/meetings/schemas";
import { TreeQuerySchema } from "@/lib/org/restructure/schemas";
import { BranchRefSchema, errors, FILE_RESPONSE, IdParams, IsoDay, json, jsonBody, OrgUnitRefSchema, page, PeriodText, Timestamp, WardRefSchema } from "./common";

const Count = z.number().int();
const MemberStatusSchema = z.enum(["ACTIVE", "EXEMPT", "TRANSFERRED_OUT", "DECEASED"]);
const AlertKindSchema = z.enum(ALERT_KINDS).meta({ id: "DataQualityAlertKind" });

const BranchMemberSchema = z
  .looseObject({ id: Count, code: z.string(), fullName: z.string(), status: MemberStatusSchema, joinedBranchOn: IsoDay, leftBranchOn: IsoDay.nullable() })
  .meta({ id: "BranchMember" });

const MeetingSchema = z
  .looseObject({
    id: Count,
    branch: BranchRefSchema,
    period: PeriodText,
    kind: z.enum(["REGULAR", "THEMATIC"]),
    heldOn: IsoDay,
    usedHandbook: z.boolean(),
    expected: Count.meta({ description: "Đảng viên phải dự (không tính người miễn sinh hoạt)" }),
    present: Count,
    excused: Count,
    unexcused: Count,
    exempt: Count,
    attendanceRate: z.number().nullable(),
    hasMinutes: z.boolean(),
    closedAt: Timestamp.nullable(),
    versionNo: Count,
    updatedAt: Timestamp,
  })
  .meta({ id: "Meeting" });

const MeetingDetailSchema = MeetingSchema.extend({
  notes: z.string().nullable().optional(),
  minutes: z.string().nullable().optional(),
  documents: z.array(z.looseObject({ title: z.string(), sentOn: z.string() })).optional(),
  window: z.looseObject({ state: z.string() }).meta({ description: "Thời hạn sửa của kỳ" }),
  attendance: z
    .array(z.looseObject({ status: z.enum(["PRESENT", "EXCUSED", "UNEXCUSED"]), reason: z.string().nullable().optional() }))
    .optional()
    .meta({ description: "Chỉ cho vai trò được xem đảng viên" }),
}).meta({ id: "MeetingDetail" });

const ComplianceFiguresSchema = z
  .looseObject({
    branches: Count,
    held: Count,
    missing: Count.meta({ description: "Chưa có bản ghi sau hạn" }),
    pending: Count.meta({ description: "Chưa có bản ghi, chưa đến hạn" }),
    attendanceRate: z.number().nullable().meta({ description: "Có mặt / phải dự" }),
    present: Count,
    expected: Count,
    usedHandbook: Count.meta({ description: "Chi bộ có cuộc họp dùng Sổ tay điện tử" }),
    thematic: Count.meta({ description: "Chi bộ có sinh hoạt chuyên đề" }),
    qualityMet: Count.meta({ description: "Đã sinh hoạt và không tiêu chí chất lượng nào chưa đạt (tiêu chí chưa rõ không tính là chưa đạt)" }),
    qualityMissing: Count.meta({ description: "Đã sinh hoạt nhưng chưa đạt ít nhất một tiêu chí" }),
    notHeld: Count.meta({ description: "Chưa có bản ghi sinh hoạt (thiếu + chưa đến hạn)" }),
    failures: z.record(z.enum(QUALITY_CRITERIA), Count).meta({ description: "Số chi bộ đã sinh hoạt chưa đạt từng tiêu chí" }),
    topFailure: z
      .object({ criterion: z.enum(QUALITY_CRITERIA), label: z.string(), branches: Count })
      .nullable()
      .meta({ description: "Tiêu chí nhiều chi bộ chưa đạt nhất; null khi không có" }),
  })
  .meta({ id: "ComplianceFigures" });

const ComplianceSchema = page(ComplianceFiguresSchema.extend({ orgUnit: OrgUnitRefSchema, state: z.enum(["HELD", "MISSING", "PENDING"]).nullable() })).extend({
  orgUnit: OrgUnitRefSchema,
  period: PeriodText,
  tree: z.enum(["as-of", "current"]),
  deadline: z.string().meta({ description: "Qua ngày này chi bộ chưa có bản ghi bị tính là thiếu" }),
  totals: ComplianceFiguresSchema,
});

const AlertSchema = z
  .looseObject({
    kind: AlertKindSchema,
    subjectKey: z.string(),
    title: z.string(),
    explanation: z.string(),
    period: PeriodText,
    meetingId: Count.nullable(),
    branch: BranchRefSchema,
    ward: WardRefSchema.nullable(),
    dismissal: z.looseObject({ reason: z.string(), by: z.string(), at: Timestamp }).nullable(),
  })
  .meta({ id: "DataQualityAlert" });

const ScheduleSchema = z
  .looseObject({ id: Count, plannedOn: IsoDay, startTime: z.string().meta({ description: "HH:MM, giờ Hà Nội" }), place: z.string(), agenda: z.string(), announcedAt: Timestamp })
  .meta({ id: "MeetingSchedule" });

const ScheduleStateSchema = z.enum(["ON_TIME", "LATE", "NOT_ANNOUNCED"]);

const AbsenceFlagSchema = z.looseObject({
  member: z.looseObject({ id: Count, code: z.string(), fullName: z.string(), status: MemberStatusSchema }),
  branch: BranchRefSchema,
  ward: WardRefSchema.nullable(),
  months: z.array(PeriodText),
  monthDetails: z.array(z.looseObject({ period: PeriodText, reasons: z.array(z.enum(["ABSENT", "UNPAID"])), branchCodes: z.array(z.string()) })).meta({ description: "Mỗi tháng tính vi phạm với lý do (vắng không lý do, chưa đóng đảng phí) và chi bộ ghi nhận" }),
});

export function registerMeetingsPaths(registry: OpenAPIRegistry) {
  registry.registerPath({
    method: "get",
    path: "/branches/{id}/members",
    summary: "Đảng viên của một chi bộ trong phạm vi (mặc định: đang sinh hoạt và miễn sinh hoạt)",
    request: { params: IdParams, query: BranchMembersQuery },
    responses: { 200: json(page(BranchMemberSchema)), ...errors() },
  });
  registry.registerPath({
    method: "get",
    path: "/meetings",
    summary: "Các cuộc họp của chi bộ dưới một đơn vị, kỳ mới nhất trước",
    request: { query: ListMeetingsQuery },
    responses: { 200: json(page(MeetingSchema)), ...errors() },
  });
  registry.registerPath({
    method: "put",
    path: "/meetings",
    summary: "Ghi cuộc họp của chi bộ (bí thư chi bộ): upsert theo chi bộ + kỳ + loại, gửi lại cùng nội dung không thay đổi gì",
    description:
      "Điểm danh phải có đủ mọi đảng viên phải dự vào ngày họp (trừ người miễn sinh hoạt, không được điểm danh). EXCUSED cần reason. " +
      "Kỳ đã khóa sổ trả 409 PERIOD_LOCKED; expectedVersionNo cũ trả 409 CONFLICT (expectedVersionNo = 0: cuộc họp phải chưa có; đã có với nội dung khác thì 409). " +
      "Gửi lại đúng nội dung đã lưu luôn trả 200 changed: false, kể cả khi expectedVersionNo đã cũ.",
    request: { body: jsonBody(RecordMeetingSchema) },
    responses: { 200: json(MeetingSchema.extend({ created: z.boolean(), changed: z.boolean() }), "Cuộc họp sau khi ghi"), ...errors(409) },
  });
  registry.registerPath({
    method: "get",
    path: "/meetings/{id}",
    summary: "Một cuộc họp với điểm danh (tên chỉ cho vai trò được xem đảng viên) và tài liệu",
    request: { params: IdParams },
    responses: { 200: json(MeetingDetailSchema), ...errors() },
  });
  registry.registerPath({
    method: "post",
    path: "/meetings/{id}/close",
    summary: "Hoàn tất cuộc họp: biên bản (bắt buộc) và tài liệu đã gửi trước cuộc họp",
    request: { params: IdParams, body: jsonBody(CloseMeetingSchema) },
    responses: { 200: json(MeetingSchema), ...errors(409) },
  });
  registry.registerPath({
    method: "post",
    path: "/meetings/reopen",
    summary: "Ban Tổ chức mở lại một kỳ đã khóa sổ cho một chi bộ (ghi nhật ký)",
    request: { body: jsonBody(ReopenPeriodSchema) },
    responses: { 201: json(z.looseObject({ id: Count, branchId: Count, period: PeriodText, openUntil: z.string(), reason: z.string() }), "Đã mở lại"), ...errors() },
  });
  registry.registerPath({
    method: "get",
    path: "/meetings/compliance",
    summary: "Tình hình sinh hoạt của kỳ: một dòng cho mỗi đơn vị trực thuộc (mặc định tháng hiện tại, hoặc tháng gần nhất đã có cuộc họp khi tháng này chưa có)",
    request: { query: ComplianceQuery.extend(TreeQuerySchema.shape) },
    responses: { 200: json(ComplianceSchema), ...errors() },
  });
  registry.registerPath({
    method: "get",
    path: "/meetings/compliance/export",
    summary: "Tải bảng tình hình sinh hoạt (XLSX hai trang: tổng hợp, theo tháng; hoặc CSV một bảng)",
    request: { query: ComplianceExportQuery },
    responses: { 200: FILE_RESPONSE, ...errors() },
  });
  registry.registerPath({
    method: "get",
    path: "/meetings/alerts",
    summary: "Cảnh báo chất lượng dữ liệu của kỳ (mặc định như trang tổng quan), mỗi cảnh báo kèm lời giải thích",
    request: { query: AlertsQuery },
    responses: {
      200: json(page(AlertSchema).extend({ unit: OrgUnitRefSchema, period: PeriodText, counts: z.record(z.string(), Count), open: Count, dismissed: Count })),
      ...errors(),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/meetings/alerts/dismiss",
    summary: "Bỏ qua một cảnh báo đang có, kèm lý do (Đảng ủy phường, Ban Tổ chức)",
    request: { body: jsonBody(DismissAlertSchema) },
    responses: { 201: json(z.looseObject({ id: Count, kind: AlertKindSchema, subjectKey: z.string(), reason: z.string() }), "Đã bỏ qua"), ...errors(409) },
  });
  registry.registerPath({
    method: "get",
    path: "/meetings/schedules",
    summary: "Lịch sinh hoạt thường kỳ báo trước của các chi bộ dưới một đơn vị: đúng hạn, báo muộn, chưa báo lịch",
    request: { query: SchedulesQuery },
    responses: {
      200: json(
        page(z.looseObject({ branch: BranchRefSchema, state: ScheduleStateSchema, schedule: ScheduleSchema.nullable() })).extend({
          unit: OrgUnitRefSchema,
          period: PeriodText,
          daysAhead: Count.meta({ description: "Thông báo trước ít nhất số ngày này mới đúng hạn" }),
          counts: z.looseObject({ branches: Count, ON_TIME: Count, LATE: Count, NOT_ANNOUNCED: Count }),
        }),
      ),
      ...errors(),
    },
  });
  registry.registerPath({
    method: "put",
    path: "/meetings/schedules",
    summary: "Bí thư chi bộ thông báo lịch họp trước (ngày, giờ, địa điểm, nội dung): upsert theo chi bộ + kỳ + loại; Đảng ủy phường được báo",
    description: "Lần thông báo đầu tiên là mốc tính 'báo trước'; sửa sau đó tăng versionNo, expectedVersionNo cũ trả 409.",
    request: { body: jsonBody(AnnounceMeetingSchema) },
    responses: { 200: json(ScheduleSchema.extend({ branchId: Count, period: PeriodText, kind: z.enum(["REGULAR", "THEMATIC"]), versionNo: Count, created: z.boolean(), changed: z.boolean() }), "Lịch họp sau khi ghi"), ...errors(409) },
  });
  registry.registerPath({
    method: "get",
    path: "/members/flags",
    summary: "Đảng viên 3 tháng trở lên trong năm vắng sinh hoạt hoặc không đóng đảng phí không có lý do (tính cả các chi bộ trước khi chuyển sinh hoạt)",
    request: { query: FlagsQuery },
    responses: { 200: json(page(AbsenceFlagSchema)), ...errors() },
  });
}
