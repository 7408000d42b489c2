import { apiRoute, readQuery } from "@/lib/api/handler";
import { findAbsenceFlags } from "@/lib/members/find-absence-flags";
import { FlagsQuery } from "@/lib/meetings/api-queries";

export const GET = apiRoute({ permission: "member.read" }, async ({ request, actor }) => {
  const query = readQuery(request, FlagsQuery);
  return findAbsenceFlags(actor, { year: query.year, orgUnitId: query.orgUnitId, page: query.page, pageSize: query.pageSize });
});
