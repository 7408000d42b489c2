import { apiRoute, readQuery } from "@/lib/api/handler";
import { getComplianceByChild } from "@/lib/meetings/compliance";
import { ComplianceQuery } from "@/lib/meetings/api-queries";
import { currentPeriod } from "@/lib/periods/period";

/** One row per child unit of the node for the period; `total`/`page` make it a list like every other. */
export const GET = apiRoute({ permission: "meeting.read" }, async ({ request, actor }) => {
  const query = readQuery(request, ComplianceQuery);
  const result = await getComplianceByChild(actor, { orgUnitId: query.orgUnitId, period: query.period ?? currentPeriod() });
  return { ...result, total: result.items.length, page: 1, pageSize: result.items.length };
});
