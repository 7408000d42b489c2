import { apiRoute, idParam, readQuery } from "@/lib/api/handler";
import { getDraftDetail } from "@/lib/drafts/get-draft-detail";
import { draftDocument } from "@/lib/drafts/api-shapes";
import { DraftDetailQuerySchema } from "@/lib/drafts/schemas";

export const GET = apiRoute<{ id: string }>({ permission: "draft.read" }, async ({ request, actor, params }) => {
  const { versionNo } = readQuery(request, DraftDetailQuerySchema);
  const detail = await getDraftDetail(actor, idParam(params.id), { versionNo });
  return draftDocument(actor, detail);
});
