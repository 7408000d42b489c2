import { apiRoute, idParam, readText } from "@/lib/api/handler";
import { acknowledgeFeedback } from "@/lib/drafts/acknowledge-feedback";
import { ValidationError } from "@/lib/errors";

export const POST = apiRoute<{ id: string }>({ permission: "feedback.ack" }, async ({ request, actor, params }) => {
  // The body is optional: `{ "reply": "…" }` or nothing.
  const text = await readText(request, 64 * 1024);
  let body: unknown = {};
  if (text.trim()) {
    try {
      body = JSON.parse(text);
    } catch {
      throw new ValidationError("Nội dung không phải JSON hợp lệ.");
    }
  }
  const { acknowledgedAt, reply } = await acknowledgeFeedback(actor, idParam(params.id), body);
  return { id: idParam(params.id), acknowledgedAt, reply };
});
