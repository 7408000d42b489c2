import { apiRoute, readQuery } from "@/lib/api/handler";
import { getDraftReviewSummary } from "@/lib/drafts/get-draft-review-summary";
import { ReviewSummaryQuerySchema } from "@/lib/drafts/schemas";

/** Review progress of a period per child unit (submitted on time, late, missing, approved, flagged…). */
export const GET = apiRoute({ permission: "draft.read" }, async ({ request, actor }) => {
  const query = readQuery(request, ReviewSummaryQuerySchema);
  return getDraftReviewSummary(actor, query);
});
