import { apiRoute, idParam, readQuery } from "@/lib/api/handler";
import { getDraftDetail } from "@/lib/drafts/get-draft-detail";
import { diffStats, wordDiff } from "@/lib/drafts/word-diff";
import { NotFoundError } from "@/lib/errors";
import { DraftDiffQuerySchema } from "@/lib/drafts/schemas";

/** Word-level differences between two versions of a draft. */
export const GET = apiRoute<{ id: string }>({ permission: "draft.read" }, async ({ request, actor, params }) => {
  const query = readQuery(request, DraftDiffQuerySchema);
  const detail = await getDraftDetail(actor, idParam(params.id));
  const to = query.to ?? detail.draft.currentVersionNo;
  const before = detail.versions.find((version) => version.versionNo === query.from);
  const after = detail.versions.find((version) => version.versionNo === to);
  if (!before || !after) throw new NotFoundError("Không có phiên bản này.");
  const segments = wordDiff(before.body, after.body);
  return { from: before.versionNo, to: after.versionNo, ...diffStats(segments), segments };
});
