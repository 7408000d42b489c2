// OpenAPI paths of the drafts area (docs/drafts.md): drafts and review,
// comments, feedback, guidance, summary and export, notifications.
import { z } from "zod";
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import {
  AcknowledgeSchema,
  CommentSchema,
  DraftDetailQuerySchema,
  DraftDiffQuerySchema,
  FeedbackFilterSchema,
  GuidanceSchema,
  PeriodQuerySchema,
  QueueFilterSchema,
  ReviewSchema,
  ReviewSummaryQuerySchema,
  SubmitDraftSchema,
  SuggestionDecisionSchema,
  WorkingCopySchema,
} from "@/lib/drafts/schemas";
import { ExportQuerySchema } from "@/lib/drafts/export-review-summary";
import { MarkReadSchema, NotificationsQuerySchema } from "@/lib/notifications/schemas";
import { BranchRefSchema, errors, FILE_RESPONSE, IdCidParams, IdParams, json, jsonBody, OrgUnitRefSchema, page, PeriodText, RoleSchema, Timestamp, WardRefSchema } from "./common";

const Count = z.number().int();
const FlagSchema = z.enum(["FORMALISTIC", "TEMPLATE_COPY", "PREVIOUS_COPY", "NOT_GROUNDED", "GUIDANCE_MISSED"]).meta({ id: "DraftFlag" });
const StatusSchema = z.enum(["SUBMITTED", "CHANGES_REQUESTED", "REVISED", "APPROVED"]).meta({ id: "DraftStatus" });
const DecisionSchema = z.enum(["APPROVED", "CHANGES_REQUESTED"]);
const TimelinessSchema = z.enum(["ON_TIME", "LATE", "MISSING", "NOT_DUE"]);

const QueueItemSchema = z
  .looseObject({
    id: Count.nullable().meta({ description: "null: chi bộ chưa nộp (includeMissing=1)" }),
    period: PeriodText,
    status: z.union([StatusSchema, z.literal("NOT_SUBMITTED")]),
    versionNo: Count.nullable(),
    flags: z.array(FlagSchema),
    proposedFlags: z.array(FlagSchema),
    branch: BranchRefSchema,
    ward: WardRefSchema.nullable(),
    submittedAt: Timestamp.nullable(),
    lastSubmittedAt: Timestamp.nullable(),
    timeliness: TimelinessSchema,
    similarity: z
      .object({ score: z.number(), draftId: Count.nullable(), outsideScope: z.boolean().optional() })
      .nullable()
      .meta({ description: "Dự thảo cùng kỳ giống nhất; ngoài phạm vi của người gọi thì không nêu mã (draftId null, outsideScope true)" }),
    previousSimilarity: z.number().nullable(),
    openComments: Count,
    feedback: z.looseObject({ pendingSince: Timestamp.nullable(), acknowledgedAt: Timestamp.nullable(), overdue: z.boolean() }),
  })
  .meta({ id: "DraftListItem" });

const CommentOutSchema = z.looseObject({
  id: Count,
  versionNo: Count,
  anchor: z.looseObject({ quote: z.string(), start: Count, end: Count }).nullable(),
  located: z.looseObject({ start: Count, end: Count }).nullable().meta({ description: "Vị trí đoạn trong phiên bản đang xem; null: đoạn không còn (lỗi thời)" }),
  body: z.string(),
  author: z.looseObject({ name: z.string(), role: RoleSchema }),
  parentId: Count.nullable(),
  suggestion: z.string().nullable(),
  suggestionStatus: z.enum(["PENDING", "ACCEPTED", "REJECTED"]).nullable(),
  published: z.boolean(),
  resolvedAt: Timestamp.nullable(),
  createdAt: Timestamp,
});

const DraftSchema = z
  .looseObject({
    id: Count,
    period: PeriodText,
    title: z.string(),
    status: StatusSchema,
    versionNo: Count,
    flags: z.array(FlagSchema),
    proposedFlags: z.array(FlagSchema),
    branch: BranchRefSchema,
    ward: WardRefSchema.nullable(),
    submittedAt: Timestamp,
    lastSubmittedAt: Timestamp,
    timeliness: TimelinessSchema,
    versions: z.array(z.looseObject({ versionNo: Count, title: z.string(), body: z.string(), wordCount: Count, submittedAt: Timestamp, submittedBy: z.string() })),
    comments: z.array(CommentOutSchema),
    reviews: z.array(z.looseObject({ id: Count, versionNo: Count, decision: DecisionSchema, summary: z.string(), flags: z.array(FlagSchema) })),
    analysis: z
      .looseObject({
        similar: z.array(z.looseObject({ draftId: Count.nullable(), branch: BranchRefSchema.nullable(), score: z.number(), passages: z.array(z.object({ start: Count, end: Count, words: Count })) })),
        previous: z.looseObject({}).nullable(),
        checklist: z.array(z.looseObject({ key: z.string(), ok: z.boolean(), label: z.string() })),
        directives: z.array(z.looseObject({ guidanceId: Count, title: z.string(), status: z.enum(["ADDRESSED", "RESTATED", "MISSING"]) })),
        proposedFlags: z.array(FlagSchema),
        reasons: z.record(z.string(), z.string()),
      })
      .nullable(),
  })
  .meta({ id: "Draft" });

const FeedbackSchema = z
  .looseObject({
    id: Count,
    draftId: Count,
    period: PeriodText,
    branch: BranchRefSchema,
    ward: WardRefSchema.nullable(),
    decision: DecisionSchema,
    summary: z.string(),
    flags: z.array(FlagSchema),
    versionNo: Count,
    reviewer: z.string(),
    createdAt: Timestamp,
    acknowledgedAt: Timestamp.nullable(),
    acknowledgedBy: z.string().nullable(),
    reply: z.string().nullable(),
    waitingDays: Count.nullable(),
    overdue: z.boolean(),
    comments: z.array(z.looseObject({})),
  })
  .meta({ id: "Feedback" });

const ReviewCountsSchema = z.looseObject(
  Object.fromEntries(["branches", "submitted", "onTime", "late", "missing", "notDue", "awaitingReview", "approved", "changesRequested", "flagged", "proposedFlagged", "unacknowledged", "unacknowledgedOverdue", "openComments"].map((key) => [key, Count])),
).meta({ id: "ReviewCounts" });

const GuidanceOutSchema = z.looseObject({ id: Count, period: PeriodText, title: z.string(), details: z.string(), keywords: z.array(z.string()) }).meta({ id: "Guidance" });

const NotificationSchema = z.looseObject({ id: Count, kind: z.string(), title: z.string(), body: z.string().nullable(), href: z.string(), createdAt: Timestamp, readAt: Timestamp.nullable() });

export function registerDraftsPaths(registry: OpenAPIRegistry) {
  registry.registerPath({
    method: "get",
    path: "/drafts",
    summary: "Hàng đợi xem xét: dự thảo của các chi bộ trong phạm vi cho một kỳ (mặc định kỳ đang xem xét)",
    description: "sort: queue, branch, ward, status, version, submittedAt, similarity, openComments, ack; dấu - để giảm dần. q: tên, mã chi bộ hoặc một cụm từ trong nội dung, có dấu hoặc không dấu.",
    request: { query: QueueFilterSchema },
    responses: { 200: json(page(QueueItemSchema).extend({ period: PeriodText, deadline: z.string() })), ...errors() },
  });
  registry.registerPath({
    method: "post",
    path: "/drafts",
    summary: "Bí thư chi bộ nộp dự thảo (lần đầu) hoặc một phiên bản mới; cùng nội dung lần nữa không tạo phiên bản mới (200)",
    request: { body: jsonBody(SubmitDraftSchema) },
    responses: {
      201: json(z.object({ id: Count, versionNo: Count, created: z.literal(true) }), "Đã tạo phiên bản"),
      200: json(z.object({ id: Count, versionNo: Count, created: z.literal(false) }), "Nội dung trùng phiên bản hiện tại"),
      ...errors(409, 413),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/drafts/{id}",
    summary: "Một dự thảo: các phiên bản, góp ý (đã gửi, và góp ý chưa gửi của chính người gọi), quyết định, kết quả phân tích",
    request: { params: IdParams, query: DraftDetailQuerySchema },
    responses: { 200: json(DraftSchema), ...errors() },
  });
  registry.registerPath({
    method: "get",
    path: "/drafts/{id}/diff",
    summary: "Khác biệt theo từ giữa hai phiên bản",
    request: { params: IdParams, query: DraftDiffQuerySchema },
    responses: { 200: json(z.object({ from: Count, to: Count, added: Count, removed: Count, segments: z.array(z.object({ kind: z.enum(["same", "added", "removed"]), text: z.string() })) })), ...errors() },
  });
  registry.registerPath({
    method: "post",
    path: "/drafts/{id}/comments",
    summary: "Góp ý (gắn với một đoạn: anchor hoặc quote) hoặc trả lời (parentId). Góp ý mới của Ban Tổ chức chỉ gửi đi cùng quyết định.",
    request: { params: IdParams, body: jsonBody(CommentSchema) },
    responses: { 201: json(z.object({ id: Count, published: z.boolean() }), "Đã thêm"), ...errors() },
  });
  registry.registerPath({
    method: "post",
    path: "/drafts/{id}/comments/{cid}/resolve",
    summary: "Đánh dấu chuỗi góp ý đã xử lý (gọi lại không đổi gì)",
    request: { params: IdCidParams },
    responses: { 200: json(z.object({ id: Count, resolved: z.literal(true) })), ...errors() },
  });
  registry.registerPath({
    method: "post",
    path: "/drafts/{id}/comments/{cid}/suggestion",
    summary: "Chi bộ nhận (đưa vào bản đang soạn) hoặc không nhận đề xuất sửa",
    request: { params: IdCidParams, body: jsonBody(SuggestionDecisionSchema) },
    responses: { 200: json(z.looseObject({ id: Count, status: z.enum(["ACCEPTED", "REJECTED"]), workingCopy: z.string().nullable() })), ...errors(409) },
  });
  registry.registerPath({
    method: "post",
    path: "/drafts/{id}/review",
    summary: "Quyết định trên phiên bản hiện tại; gửi kèm các góp ý chưa gửi; phường nhận phản hồi",
    request: { params: IdParams, body: jsonBody(ReviewSchema) },
    responses: { 200: json(z.looseObject({ reviewId: Count, feedbackId: Count })), ...errors(409) },
  });
  registry.registerPath({
    method: "get",
    path: "/drafts/summary",
    summary: "Tiến độ một kỳ: nộp đúng hạn, muộn, chưa nộp, duyệt, yêu cầu sửa, cờ, phường chưa xác nhận — tổng và theo đơn vị con",
    request: { query: ReviewSummaryQuerySchema },
    responses: { 200: json(z.looseObject({ period: PeriodText, deadline: z.string(), orgUnit: OrgUnitRefSchema, totals: ReviewCountsSchema, children: z.array(ReviewCountsSchema.extend({ orgUnit: OrgUnitRefSchema })) })), ...errors() },
  });
  registry.registerPath({
    method: "get",
    path: "/drafts/export",
    summary: "Tổng hợp kỳ theo đơn vị và theo chi bộ: XLSX (hai trang) hoặc CSV (một bảng)",
    request: { query: ExportQuerySchema },
    responses: { 200: FILE_RESPONSE, ...errors() },
  });
  registry.registerPath({
    method: "get",
    path: "/drafts/guidance",
    summary: "Định hướng của kỳ áp dụng cho phạm vi (cấp trên và cấp mình) và do cấp dưới ban hành",
    request: { query: PeriodQuerySchema },
    responses: { 200: json(page(GuidanceOutSchema)), ...errors() },
  });
  registry.registerPath({
    method: "post",
    path: "/drafts/guidance",
    summary: "Ban Tổ chức hoặc Đảng ủy phường đăng một nội dung chi bộ cần cụ thể hóa",
    request: { body: jsonBody(GuidanceSchema) },
    responses: { 201: json(z.object({ id: Count }), "Đã đăng"), ...errors() },
  });
  registry.registerPath({
    method: "get",
    path: "/drafts/working-copy",
    summary: "Bản đang soạn (chưa nộp) của chi bộ",
    request: { query: PeriodQuerySchema },
    responses: { 200: json(z.looseObject({ period: PeriodText, title: z.string(), body: z.string(), baseVersionNo: Count, savedAt: Timestamp.nullable() })), ...errors() },
  });
  registry.registerPath({
    method: "put",
    path: "/drafts/working-copy",
    summary: "Tự lưu bản đang soạn; expectedSavedAt cũ hơn bản đã lưu từ nơi khác → 409",
    request: { body: jsonBody(WorkingCopySchema) },
    responses: { 200: json(z.object({ savedAt: Timestamp }), "Đã lưu"), ...errors(409, 413) },
  });
  registry.registerPath({
    method: "get",
    path: "/feedback",
    summary: "Hộp thư phản hồi của Đảng ủy phường (Ban Tổ chức xem được): quyết định và góp ý về dự thảo của các chi bộ",
    request: { query: FeedbackFilterSchema },
    responses: {
      200: json(
        page(FeedbackSchema).extend({
          open: Count.meta({ description: "Phản hồi chưa xác nhận trong phạm vi (mọi kỳ, hoặc kỳ period): cùng số trang chủ và trang Phản hồi hiển thị" }),
          overdue: Count.meta({ description: "Trong số đó, yêu cầu chỉnh sửa chờ quá số ngày cài đặt" }),
        }),
      ),
      ...errors(),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/feedback/{id}/ack",
    summary: "Phường xác nhận đã nhận, có thể kèm trả lời (không bắt buộc có nội dung)",
    request: { params: IdParams, body: jsonBody(AcknowledgeSchema, false) },
    responses: { 200: json(z.object({ id: Count, acknowledgedAt: Timestamp, reply: z.string().nullable() })), ...errors() },
  });
  registry.registerPath({
    method: "get",
    path: "/notifications",
    summary: "Thông báo trong ứng dụng của người gọi, mới nhất trước",
    request: { query: NotificationsQuerySchema },
    responses: { 200: json(page(NotificationSchema).extend({ unread: Count })), ...errors() },
  });
  registry.registerPath({
    method: "get",
    path: "/notifications/count",
    summary: "Số thông báo chưa đọc",
    responses: { 200: json(z.object({ unread: Count })), ...errors() },
  });
  registry.registerPath({
    method: "post",
    path: "/notifications/read",
    summary: "Đánh dấu đã đọc (ids hoặc all)",
    request: { body: jsonBody(MarkReadSchema) },
    responses: { 200: json(z.object({ marked: Count, unread: Count })), ...errors() },
  });
}
