import { apiRoute, readQuery } from "@/lib/api/handler";
import { addAttachment, listAttachments, maxAttachmentBytes } from "@/lib/attachments/attachments";
import { readUpload } from "@/lib/attachments/read-upload";
import { AttachmentListQuerySchema } from "@/lib/attachments/schemas";

export const GET = apiRoute({}, async ({ request, actor }) => ({ items: await listAttachments(actor, readQuery(request, AttachmentListQuerySchema)) }));

export const POST = apiRoute({}, async ({ request, actor }) => {
  const { fields, file } = await readUpload(request, await maxAttachmentBytes());
  return Response.json(await addAttachment(actor, fields, file), { status: 201 });
});
