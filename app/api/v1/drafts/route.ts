import { NextResponse } from "next/server";
import { apiRoute, readJson, readQuery, paged } from "@/lib/api/handler";
import { listReviewQueue } from "@/lib/drafts/list-review-queue";
import { submitDraftVersion } from "@/lib/drafts/submit-draft-version";
import { queueItem } from "@/lib/drafts/api-shapes";
import { QueueFilterSchema } from "@/lib/drafts/schemas";

export const GET = apiRoute({ permission: "draft.read" }, async ({ request, actor }) => {
  const filter = readQuery(request, QueueFilterSchema);
  const queue = await listReviewQueue(actor, filter);
  return { ...paged(queue.items.map(queueItem), queue.total, queue.page, queue.pageSize), period: queue.period, deadline: queue.deadline };
});

export const POST = apiRoute({ permission: "draft.submit" }, async ({ request, actor }) => {
  const body = await readJson(request, 512 * 1024);
  const result = await submitDraftVersion(actor, body);
  return NextResponse.json({ id: result.id, versionNo: result.versionNo, created: result.created }, { status: result.created ? 201 : 200 });
});
