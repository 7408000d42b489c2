import { apiRoute, idParam, readJson } from "@/lib/api/handler";
import { submitDraftReview } from "@/lib/drafts/submit-draft-review";

export const POST = apiRoute<{ id: string }>({ permission: "draft.review" }, async ({ request, actor, params }) => {
  const body = await readJson(request);
  return submitDraftReview(actor, idParam(params.id), body);
});
