import { apiRoute, idParam } from "@/lib/api/handler";
import { resolveDraftComment } from "@/lib/drafts/resolve-draft-comment";

export const POST = apiRoute<{ id: string; cid: string }>({ permission: "draft.comment" }, async ({ actor, params }) => {
  await resolveDraftComment(actor, idParam(params.id), idParam(params.cid), true);
  return { id: idParam(params.cid), resolved: true };
});
