import { apiRoute } from "@/lib/api/handler";
import { getAttachmentFile } from "@/lib/attachments/attachments";
import { fileResponse } from "@/lib/http/file-response";

export const GET = apiRoute<{ id: string }>({}, async ({ actor, params }) => {
  const { attachment, bytes } = await getAttachmentFile(actor, /^\d{1,10}$/.test(params.id) ? Number(params.id) : 0);
  return fileResponse(bytes, { contentType: attachment.contentType, fileName: attachment.fileName });
});
