import { apiRoute, readQuery } from "@/lib/api/handler";
import { findDataQualityAlerts } from "@/lib/meetings/data-quality-alerts";
import { AlertsQuery } from "@/lib/meetings/api-queries";
import { defaultMeetingPeriod } from "@/lib/meetings/default-period";

export const GET = apiRoute({ permission: "meeting.read" }, async ({ request, actor }) => {
  const query = readQuery(request, AlertsQuery);
  const result = await findDataQualityAlerts(actor, {
    orgUnitId: query.orgUnitId,
    period: query.period ?? (await defaultMeetingPeriod()),
    kind: query.kind,
    includeDismissed: query.includeDismissed === "1" || query.includeDismissed === "true",
  });
  return result;
});
