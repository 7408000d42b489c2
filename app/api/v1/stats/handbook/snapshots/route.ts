import { z } from "zod";
import { apiRoute, readQuery } from "@/lib/api/handler";
import { listBranchUsageSnapshots } from "@/lib/stats/list-branch-usage-snapshots";

const Query = z.object({ branchId: z.coerce.number({ message: "branchId phải là số." }).int("branchId phải là số nguyên.").positive("branchId phải là số dương.") });

export const GET = apiRoute({ permission: "stats.read" }, async ({ request, actor }) => {
  const { branchId } = readQuery(request, Query);
  const items = await listBranchUsageSnapshots(actor, branchId);
  return { items, total: items.length, page: 1, pageSize: items.length };
});
