import { apiRoute, idParam, readJson } from "@/lib/api/handler";
import { decideSuggestion } from "@/lib/drafts/decide-suggestion";

/** The secretary accepts (into the text being prepared) or rejects a reviewer's replacement text. */
export const POST = apiRoute<{ id: string; cid: string }>({ permission: "draft.submit" }, async ({ request, actor, params }) => {
  const result = await decideSuggestion(actor, idParam(params.id), idParam(params.cid), await readJson(request));
  return { id: idParam(params.cid), status: result.accepted ? "ACCEPTED" : "REJECTED", workingCopy: result.body };
});
