import { apiRoute } from "@/lib/api/handler";
import { getIssuedDocument } from "@/lib/documents/issued-documents";
import { DOCX_TYPE, fileResponse } from "@/lib/http/file-response";

export const GET = apiRoute<{ id: string }>({ permission: "document.generate" }, async ({ actor, params }) => {
  const doc = await getIssuedDocument(actor, /^\d{1,10}$/.test(params.id) ? Number(params.id) : 0);
  return fileResponse(doc.file, { contentType: DOCX_TYPE, fileName: `${doc.numberLabel.replace("/", "-")}.docx` });
});
