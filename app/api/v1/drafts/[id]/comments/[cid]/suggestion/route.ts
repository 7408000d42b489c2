import { apiRoute, idParam, readJson } from "@/lib/api/handler";
import { decideSuggestion } from "@/lib/drafts/decide-suggestion";
import { SuggestionDecisionSchema } from "@/lib/drafts/schemas";

/** The secretary accepts (into the text being prepared) or rejects a reviewer's replacement text. */
export const POST = apiRoute<{ id: string; cid: string }>({ permission: "draft.submit" }, async ({ request, actor, params }) => {
  const { accept } = await readJson(request, SuggestionDecisionSchema);
  const result = await decideSuggestion(actor, idParam(params.id), idParam(params.cid), accept);
  return { id: idParam(params.cid), status: accept ? "ACCEPTED" : "REJECTED", workingCopy: result.body };
});
