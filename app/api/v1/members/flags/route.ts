import { apiRoute, readQuery } from "@/lib/api/handler";
import { findAbsenceFlags } from "@/lib/members/find-absence-flags";
import { FlagsQuery } from "@/lib/meetings/api-queries";
import { currentPeriod } from "@/lib/periods/period";

export const GET = apiRoute({ permission: "member.read" }, async ({ request, actor }) => {
  const query = readQuery(request, FlagsQuery);
  return findAbsenceFlags(actor, { year: query.year ?? Number(currentPeriod().slice(0, 4)), orgUnitId: query.orgUnitId, page: query.page, pageSize: query.pageSize });
});
