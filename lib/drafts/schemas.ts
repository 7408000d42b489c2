// Every input of the drafts area, shared by forms (early hints) and the server (the real check).
import { z } from "zod";
import { PeriodSchema } from "@/lib/periods/period";
import { DRAFT_FLAGS } from "./analyzer/propose-flags";
import { DRAFT_STATUSES } from "./labels";
import { pageParam, pageSizeParam } from "@/lib/validation/pagination";
import { periodParam, recordIdParam, textParam } from "@/lib/validation/page-params";

export const MIN_DRAFT_WORDS = 30;
export const MAX_DRAFT_WORDS = 20_000;
const MAX_DRAFT_CHARS = 200_000;
const MAX_COMMENT_CHARS = 5_000;

const optionalInt = (message: string) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), z.coerce.number({ message }).int(message).min(0, message).optional());

export const SubmitDraftSchema = z.object({
  period: PeriodSchema,
  title: z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), z.string({ message: "Tiêu đề phải là chữ." }).trim().max(300, "Tiêu đề dài tối đa 300 ký tự.").optional()),
  body: z
    .string({ message: "Nhập nội dung dự thảo." })
    .max(MAX_DRAFT_CHARS, `Dự thảo dài quá ${MAX_DRAFT_CHARS.toLocaleString("vi-VN")} ký tự.`)
    .refine((body) => body.trim().length > 0, "Nhập nội dung dự thảo."),
  /** The version the text was based on (0: first submission); a newer one means someone else submitted meanwhile. */
  expectedVersionNo: optionalInt("Số phiên bản không hợp lệ."),
  /** For API tokens of a ward or district: which branch. Secretaries submit for their own branch. */
  branchId: optionalInt("Mã chi bộ không hợp lệ."),
});

export const WorkingCopySchema = z.object({
  period: PeriodSchema,
  title: z.string({ message: "Tiêu đề phải là chữ." }).max(300, "Tiêu đề dài tối đa 300 ký tự.").default(""),
  body: z.string({ message: "Nội dung phải là chữ." }).max(MAX_DRAFT_CHARS, "Dự thảo quá dài."),
  baseVersionNo: z.coerce.number({ message: "Số phiên bản không hợp lệ." }).int().min(0).default(0),
  /** savedAt of the copy this text started from: a newer save elsewhere (another tab) answers 409 instead of being overwritten. */
  expectedSavedAt: z.iso.datetime({ message: "expectedSavedAt phải là thời điểm ISO 8601." }).optional(),
});

const AnchorSchema = z.object({
  quote: z.string({ message: "Thiếu đoạn trích." }).min(1, "Chọn một đoạn văn.").max(2_000, "Đoạn trích dài tối đa 2.000 ký tự."),
  start: z.coerce.number({ message: "Vị trí đoạn trích không hợp lệ." }).int().min(0),
  end: z.coerce.number({ message: "Vị trí đoạn trích không hợp lệ." }).int().min(1),
});

export const CommentSchema = z
  .object({
    body: z.string({ message: "Nhập nội dung góp ý." }).trim().min(1, "Nhập nội dung góp ý.").max(MAX_COMMENT_CHARS, `Góp ý dài tối đa ${MAX_COMMENT_CHARS.toLocaleString("vi-VN")} ký tự.`),
    versionNo: optionalInt("Số phiên bản không hợp lệ."),
    anchor: AnchorSchema.nullish(),
    /** A passage typed or pasted instead of selected (keyboard users): located in the version. */
    quote: z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), z.string().max(2_000, "Đoạn trích dài tối đa 2.000 ký tự.").optional()),
    parentId: z.preprocess((value) => (value === "" || value === null ? undefined : value), z.coerce.number({ message: "Góp ý gốc không hợp lệ." }).int().positive().optional()),
    suggestion: z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), z.string().max(MAX_COMMENT_CHARS, "Đề xuất sửa dài tối đa 5.000 ký tự.").optional()),
  })
  .refine((input) => !input.suggestion || input.anchor || input.quote, { message: "Đề xuất sửa cần gắn với một đoạn văn.", path: ["suggestion"] });

export const ReviewSchema = z.object({
  decision: z.enum(["APPROVED", "CHANGES_REQUESTED"], { message: "Chọn quyết định: Duyệt hoặc Yêu cầu chỉnh sửa." }),
  summary: z.string({ message: "Nhập nhận xét chung." }).trim().min(1, "Nhập nhận xét chung.").max(MAX_COMMENT_CHARS, "Nhận xét dài tối đa 5.000 ký tự."),
  flags: z.preprocess(
    (value) => (typeof value === "string" ? value.split(",").map((flag) => flag.trim()).filter(Boolean) : value),
    z.array(z.enum(DRAFT_FLAGS, { message: "Cờ chất lượng không hợp lệ." })).max(DRAFT_FLAGS.length).default([]),
  ),
  expectedVersionNo: z.coerce.number({ message: "Thiếu số phiên bản đang xem (expectedVersionNo)." }).int("Số phiên bản không hợp lệ.").min(1, "Số phiên bản không hợp lệ."),
});

export const AcknowledgeSchema = z.object({
  reply: z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), z.string({ message: "Trả lời phải là chữ." }).trim().max(MAX_COMMENT_CHARS, "Trả lời dài tối đa 5.000 ký tự.").optional()),
});

export const GuidanceSchema = z.object({
  period: PeriodSchema,
  title: z.string({ message: "Nhập tên nội dung định hướng." }).trim().min(3, "Nhập tên nội dung định hướng (ít nhất 3 ký tự).").max(200, "Tên dài tối đa 200 ký tự."),
  details: z.string({ message: "Nhập nội dung." }).trim().max(3_000, "Nội dung dài tối đa 3.000 ký tự.").default(""),
  keywords: z.preprocess(
    (value) => (typeof value === "string" ? value.split(/[,;\n]+/).map((keyword) => keyword.trim()).filter(Boolean) : value),
    z.array(z.string().max(60, "Mỗi từ khóa dài tối đa 60 ký tự.")).max(12, "Tối đa 12 từ khóa.").default([]),
  ),
  orgUnitId: optionalInt("Đơn vị không hợp lệ."),
});

const QUEUE_SORTS = ["queue", "branch", "ward", "status", "version", "submittedAt", "similarity", "openComments", "ack"] as const;

const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const QueueFilterSchema = z.object({
  period: z.preprocess(emptyToUndefined, PeriodSchema.optional()),
  orgUnitId: z.preprocess(emptyToUndefined, z.coerce.number({ message: "orgUnitId phải là số." }).int().positive("orgUnitId phải là số dương.").optional()),
  status: z.preprocess(emptyToUndefined, z.enum([...DRAFT_STATUSES, "NOT_SUBMITTED", "AWAITING"], { message: "Trạng thái không hợp lệ." }).optional()),
  flag: z.preprocess(emptyToUndefined, z.enum(DRAFT_FLAGS, { message: "Cờ không hợp lệ." }).optional()),
  timeliness: z.preprocess(emptyToUndefined, z.enum(["ON_TIME", "LATE", "MISSING"], { message: "Tình trạng hạn nộp không hợp lệ." }).optional()),
  ack: z.preprocess(emptyToUndefined, z.enum(["pending", "overdue"], { message: "Bộ lọc xác nhận không hợp lệ." }).optional()),
  q: z.preprocess(emptyToUndefined, z.string().trim().max(100, "Từ khóa dài tối đa 100 ký tự.").optional()),
  /** "me": only the branches the acting user follows (docs/followers.md). */
  assigned: z.preprocess(emptyToUndefined, z.enum(["me"], { message: "assigned chỉ nhận giá trị me." }).optional()),
  sort: z.preprocess(emptyToUndefined, z.string().regex(new RegExp(`^-?(${QUEUE_SORTS.join("|")})$`), "Cách sắp xếp không hợp lệ.").default("queue")),
  /** API only: list branches that have not submitted too (the web queue always does). */
  includeMissing: z.preprocess((value) => value === "1" || value === "true" || value === true, z.boolean()).default(false),
  page: pageParam,
  pageSize: pageSizeParam(50),
});
export type QueueFilter = z.infer<typeof QueueFilterSchema>;

export const FeedbackFilterSchema = z.object({
  status: z.preprocess(emptyToUndefined, z.enum(["open", "overdue", "acknowledged", "all"], { message: "status là open, overdue, acknowledged hoặc all." }).default("open")),
  period: z.preprocess(emptyToUndefined, PeriodSchema.optional()),
  /** A ward (or branch) in scope. */
  orgUnitId: z.preprocess(emptyToUndefined, z.coerce.number({ message: "orgUnitId phải là số." }).int().positive("orgUnitId phải là số dương.").optional()),
  decision: z.preprocess(emptyToUndefined, z.enum(["APPROVED", "CHANGES_REQUESTED"], { message: "decision là APPROVED hoặc CHANGES_REQUESTED." }).optional()),
  page: pageParam,
  pageSize: pageSizeParam(50),
});

// ---- Query strings and small bodies of the drafts API (app/api/v1/drafts, feedback) ----

export const PeriodQuerySchema = z.object({ period: PeriodSchema });

export const DraftDetailQuerySchema = z.object({ versionNo: z.coerce.number({ message: "versionNo phải là số." }).int().positive("versionNo phải là số dương.").optional() });

export const DraftDiffQuerySchema = z.object({
  from: z.coerce.number({ message: "from phải là số phiên bản." }).int().positive("from phải là số phiên bản."),
  to: z.coerce.number({ message: "to phải là số phiên bản." }).int().positive("to phải là số phiên bản.").optional(),
});

export const ReviewSummaryQuerySchema = z.object({ period: PeriodSchema, orgUnitId: z.coerce.number({ message: "orgUnitId phải là số." }).int().positive().optional() });

export const SuggestionDecisionSchema = z.object({ accept: z.boolean({ message: "accept phải là true hoặc false." }) });
export const AcknowledgeManySchema = z.object({
  feedbackIds: z.array(z.coerce.number().int().positive(), { message: "Chọn ít nhất một phản hồi." }).min(1, "Chọn ít nhất một phản hồi.").max(500, "Tối đa 500 phản hồi một lần."),
});

// ---- Search params of the drafts pages (read with lib/validation/page-params.ts; the queue and the feedback inbox pass theirs to the schemas above) ----

/** /drafts/[id]: the version to read (?v=), the view, the two versions a diff compares, and what a comparison sets the draft against (parseCompareTarget). */
export const DraftPageParams = z.object({
  v: recordIdParam.optional(),
  view: z.enum(["text", "diff", "compare"]).optional(),
  from: recordIdParam.optional(),
  to: recordIdParam.optional(),
  with: textParam,
});

/** /drafts/write and /drafts/guidance: the month (the review period by default). */
export const DraftPeriodPageParams = z.object({ period: periodParam });

/** /drafts/progress: the month and the unit whose children are compared (a bad unit shows the reader's own scope). */
export const DraftProgressPageParams = z.object({ period: periodParam, orgUnitId: recordIdParam.optional() });
