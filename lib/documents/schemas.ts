import { z } from "zod";
import { PeriodSchema } from "@/lib/periods/period";
import { periodParam, recordIdParam, textParam } from "@/lib/validation/page-params";

export const DOCUMENT_KINDS = ["DRAFT_REVIEW_REPORT", "MEETING_REPORT", "FEEDBACK_LETTER"] as const;
export type DocumentKindKey = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKindKey, string> = {
  DRAFT_REVIEW_REPORT: "Báo cáo xem xét dự thảo nghị quyết",
  MEETING_REPORT: "Báo cáo sinh hoạt chi bộ",
  FEEDBACK_LETTER: "Công văn góp ý dự thảo",
};

/** Document type in the number ("Số 12-BC/…"): reports and letters are numbered apart. */
export const TYPE_CODES: Record<DocumentKindKey, "BC" | "CV"> = { DRAFT_REVIEW_REPORT: "BC", MEETING_REPORT: "BC", FEEDBACK_LETTER: "CV" };

/** Forms send "" for an empty field. */
const optional = <S extends z.ZodType>(schema: S) => z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());

const id = z.coerce.number({ message: "Phải là số." }).int("Phải là số nguyên.").positive("Phải là số dương.").max(2_147_483_647, "Số quá lớn.");

/** Which document: a report for a unit (the reader's scope root by default) and a month, or the letter for a draft. */
export const DocumentRequestSchema = z
  .object({
    kind: z.enum(DOCUMENT_KINDS, { message: "Chọn loại văn bản." }),
    orgUnitId: optional(id),
    period: optional(PeriodSchema),
    draftId: optional(id),
    /** The number to issue under; the next free one by default. */
    number: optional(z.coerce.number({ message: "Số văn bản phải là số." }).int("Số văn bản phải là số nguyên.").min(1, "Số văn bản từ 1.").max(9999, "Số văn bản tối đa 9999.")),
  })
  .superRefine((value, context) => {
    if (value.kind === "FEEDBACK_LETTER" && !value.draftId) context.addIssue({ code: "custom", path: ["draftId"], message: "Chọn dự thảo cần gửi góp ý." });
    if (value.kind !== "FEEDBACK_LETTER" && !value.period) context.addIssue({ code: "custom", path: ["period"], message: "Chọn kỳ báo cáo." });
  });

export type DocumentRequest = z.infer<typeof DocumentRequestSchema>;

export const IssuedListQuerySchema = z.object({ orgUnitId: optional(id) });

/** /documents: the document to preview (a kind in the address asks for one), for a unit and month or a draft (checked by DocumentRequestSchema). */
export const DocumentsPageParams = z.object({
  kind: z.enum(DOCUMENT_KINDS).optional(),
  period: periodParam,
  unit: recordIdParam.optional(),
  draft: textParam,
});
