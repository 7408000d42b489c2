import { z } from "zod";

export const ATTACHMENT_KINDS = ["SIGNED_RESOLUTION", "MEETING_MINUTES", "MEETING_DOCUMENT"] as const;
export type AttachmentKindKey = (typeof ATTACHMENT_KINDS)[number];

export const ATTACHMENT_KIND_LABELS: Record<AttachmentKindKey, string> = {
  SIGNED_RESOLUTION: "Nghị quyết đã ký",
  MEETING_MINUTES: "Biên bản cuộc họp (bản quét)",
  MEETING_DOCUMENT: "Tài liệu gửi trước cuộc họp",
};

const id = z.coerce.number({ message: "Phải là số." }).int("Phải là số nguyên.").positive("Phải là số dương.").max(2_147_483_647, "Số quá lớn.");
const optional = <S extends z.ZodType>(schema: S) => z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());

/** What an upload is attached to: the signed resolution to a draft, the others to a meeting. */
export const AttachmentTargetSchema = z
  .object({ kind: z.enum(ATTACHMENT_KINDS, { message: "Chọn loại tệp đính kèm." }), draftId: optional(id), meetingId: optional(id) })
  .superRefine((value, context) => {
    if (value.kind === "SIGNED_RESOLUTION" && !value.draftId) context.addIssue({ code: "custom", path: ["draftId"], message: "Nghị quyết đã ký gắn với một dự thảo (draftId)." });
    if (value.kind !== "SIGNED_RESOLUTION" && !value.meetingId) context.addIssue({ code: "custom", path: ["meetingId"], message: "Biên bản và tài liệu gắn với một cuộc họp (meetingId)." });
  });

export const AttachmentListQuerySchema = z
  .object({ draftId: optional(id), meetingId: optional(id) })
  .refine((value) => !!value.draftId !== !!value.meetingId, { message: "Cho biết draftId hoặc meetingId (một trong hai)." });
