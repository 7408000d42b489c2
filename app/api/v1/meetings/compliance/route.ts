import { apiRoute, readQuery } from "@/lib/api/handler";
import { getComplianceByChild } from "@/lib/meetings/compliance";
import { ComplianceQuery } from "@/lib/meetings/api-queries";
import { defaultMeetingPeriod } from "@/lib/meetings/default-period";
import { TreeQuerySchema, treeModeOf } from "@/lib/org/restructure/schemas";

/** One row per child unit of the node for the period; `total`/`page` make it a list like every other. */
export const GET = apiRoute({ permission: "meeting.read" }, async ({ request, actor }) => {
  const query = readQuery(request, ComplianceQuery);
  const { tree } = readQuery(request, TreeQuerySchema);
  const result = await getComplianceByChild(actor, { orgUnitId: query.orgUnitId, period: query.period ?? (await defaultMeetingPeriod()), tree: treeModeOf(tree) });
  return { ...result, tree: tree ?? "as-of", total: result.items.length, page: 1, pageSize: result.items.length };
});
