// OpenAPI paths of official documents (DOCX reports and letters, issued
// versions; docs/documents.md) and attachments (signed resolutions, minutes,
// meeting documents).
import { z } from "zod";
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { DocumentRequestSchema, IssuedListQuerySchema } from "@/lib/documents/schemas";
import { AttachmentListQuerySchema, ATTACHMENT_KINDS } from "@/lib/attachments/schemas";
import { errors, IdParams, json, jsonBody, Timestamp } from "./common";

const Count = z.number().int();
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const download = (types: string[]) => ({
  description: "Tệp tải về (Content-Disposition: attachment, nosniff)",
  content: Object.fromEntries(types.map((type) => [type, { schema: z.string().meta({ format: "binary" }) }])),
});

const IssuedDocumentSchema = z
  .looseObject({
    id: Count,
    kind: z.string(),
    orgUnitId: Count,
    period: z.string().nullable(),
    draftId: Count.nullable(),
    numberLabel: z.string().meta({ example: "05-BC/ĐU" }),
    title: z.string(),
    sha256: z.string(),
    issuedByName: z.string(),
    issuedAt: Timestamp,
  })
  .meta({ id: "IssuedDocument" });

const AttachmentSchema = z
  .looseObject({ id: Count, kind: z.enum(ATTACHMENT_KINDS), fileName: z.string(), contentType: z.string(), size: Count, sha256: z.string(), uploadedByName: z.string(), createdAt: Timestamp })
  .meta({ id: "Attachment" });

export function registerDocumentsPaths(registry: OpenAPIRegistry) {
  registry.registerPath({
    method: "get",
    path: "/documents",
    summary: "Văn bản đã ban hành của một đơn vị và các đơn vị cấp dưới",
    request: { query: IssuedListQuerySchema },
    responses: { 200: json(z.object({ items: z.array(IssuedDocumentSchema) })), ...errors() },
  });
  registry.registerPath({
    method: "post",
    path: "/documents",
    summary: "Ban hành văn bản: lưu tệp DOCX, số liệu, người và thời điểm ban hành",
    request: { body: jsonBody(DocumentRequestSchema) },
    responses: { 201: json(z.looseObject({ id: Count, numberLabel: z.string(), issuedAt: Timestamp }), "Đã ban hành"), ...errors(409) },
  });
  registry.registerPath({
    method: "get",
    path: "/documents/generate",
    summary: "Tạo văn bản DOCX theo thể thức (không lưu): báo cáo tháng hoặc công văn góp ý",
    request: { query: DocumentRequestSchema },
    responses: { 200: download([DOCX]), ...errors() },
  });
  registry.registerPath({
    method: "get",
    path: "/documents/{id}/file",
    summary: "Tệp DOCX đã ban hành",
    request: { params: IdParams },
    responses: { 200: download([DOCX]), ...errors() },
  });
  registry.registerPath({
    method: "get",
    path: "/attachments",
    summary: "Tệp đính kèm của một dự thảo hoặc một cuộc họp",
    request: { query: AttachmentListQuerySchema },
    responses: { 200: json(z.object({ items: z.array(AttachmentSchema) })), ...errors() },
  });
  registry.registerPath({
    method: "post",
    path: "/attachments",
    summary: "Đính kèm tệp (PDF, JPEG, PNG, DOCX; nhận biết theo nội dung): nghị quyết đã ký của dự thảo đã duyệt, biên bản hoặc tài liệu của cuộc họp",
    request: {
      body: {
        required: true,
        content: {
          "multipart/form-data": {
            schema: z.object({ kind: z.enum(ATTACHMENT_KINDS), draftId: Count.optional(), meetingId: Count.optional(), file: z.string().meta({ format: "binary" }) }),
          },
        },
      },
    },
    responses: { 201: json(AttachmentSchema, "Đã đính kèm"), ...errors(409, 413) },
  });
  registry.registerPath({
    method: "get",
    path: "/attachments/{id}/file",
    summary: "Tải tệp đính kèm",
    request: { params: IdParams },
    responses: { 200: download(["application/pdf", "image/jpeg", "image/png", DOCX]), ...errors() },
  });
}
