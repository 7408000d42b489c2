import { apiRoute, readQuery } from "@/lib/api/handler";
import { listBranchUsageSnapshots } from "@/lib/stats/list-branch-usage-snapshots";
import { SnapshotsQuerySchema } from "@/lib/stats/schemas";

export const GET = apiRoute({ permission: "stats.read" }, async ({ request, actor }) => {
  const { branchId } = readQuery(request, SnapshotsQuerySchema);
  const items = await listBranchUsageSnapshots(actor, branchId);
  return { items, total: items.length, page: 1, pageSize: items.length };
});
