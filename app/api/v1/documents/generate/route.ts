import { apiRoute, readQuery } from "@/lib/api/handler";
import { DocumentRequestSchema } from "@/lib/documents/schemas";
import { generateDocument } from "@/lib/documents/generate-document";
import { DOCX_TYPE, fileResponse } from "@/lib/http/file-response";

export const GET = apiRoute({ permission: "document.generate" }, async ({ request, actor }) => {
  const generated = await generateDocument(actor, readQuery(request, DocumentRequestSchema));
  return fileResponse(generated.file, { contentType: DOCX_TYPE, fileName: generated.fileName });
});
