import { z } from "zod";
import { apiRoute, idParam, readQuery } from "@/lib/api/handler";
import { getDraftDetail } from "@/lib/drafts/get-draft-detail";
import { draftDocument } from "@/lib/drafts/api-shapes";

const Query = z.object({ versionNo: z.coerce.number({ message: "versionNo phải là số." }).int().positive("versionNo phải là số dương.").optional() });

export const GET = apiRoute<{ id: string }>({ permission: "draft.read" }, async ({ request, actor, params }) => {
  const { versionNo } = readQuery(request, Query);
  const detail = await getDraftDetail(actor, idParam(params.id), { versionNo });
  return draftDocument(actor, detail);
});
