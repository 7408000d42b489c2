import { apiRoute, idParam, readJson } from "@/lib/api/handler";
import { submitDraftReview } from "@/lib/drafts/submit-draft-review";
import { ReviewSchema } from "@/lib/drafts/schemas";

export const POST = apiRoute<{ id: string }>({ permission: "draft.review" }, async ({ request, actor, params }) => {
  const body = await readJson(request, ReviewSchema);
  return submitDraftReview(actor, idParam(params.id), body);
});
