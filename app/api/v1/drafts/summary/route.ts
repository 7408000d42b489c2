import { z } from "zod";
import { apiRoute, readQuery } from "@/lib/api/handler";
import { PeriodSchema } from "@/lib/periods/period";
import { getDraftReviewSummary } from "@/lib/drafts/get-draft-review-summary";

const Query = z.object({ period: PeriodSchema, orgUnitId: z.coerce.number({ message: "orgUnitId phải là số." }).int().positive().optional() });

/** Review progress of a period per child unit (submitted on time, late, missing, approved, flagged…). */
export const GET = apiRoute({ permission: "draft.read" }, async ({ request, actor }) => {
  const query = readQuery(request, Query);
  return getDraftReviewSummary(actor, query);
});
