import { apiRoute, readQuery } from "@/lib/api/handler";
import { exportReviewSummary, ExportQuerySchema } from "@/lib/drafts/export-review-summary";

export const GET = apiRoute({ permission: "draft.read" }, async ({ request, actor }) => exportReviewSummary(actor, readQuery(request, ExportQuerySchema)));
