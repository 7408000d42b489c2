import { NextResponse } from "next/server";
import { apiRoute, idParam, readJson } from "@/lib/api/handler";
import { addDraftComment } from "@/lib/drafts/add-draft-comment";

export const POST = apiRoute<{ id: string }>({ permission: "draft.comment" }, async ({ request, actor, params }) => {
  const body = await readJson(request);
  const result = await addDraftComment(actor, idParam(params.id), body);
  return NextResponse.json(result, { status: 201 });
});
