import { apiRoute, idParam, paged, readQuery } from "@/lib/api/handler";
import { listBranchMembers } from "@/lib/members/list-branch-members";
import { BranchMembersQuery } from "@/lib/meetings/api-queries";
import { branchMemberItem } from "@/lib/members/api-shapes";

export const GET = apiRoute<{ id: string }>({ permission: "member.read" }, async ({ request, actor, params }) => {
  const query = readQuery(request, BranchMembersQuery);
  const { members } = await listBranchMembers(actor, idParam(params.id), { includeFormer: query.includeFormer === "1" || query.includeFormer === "true" });
  const start = (query.page - 1) * query.pageSize;
  const items = members.slice(start, start + query.pageSize).map(branchMemberItem);
  return paged(items, members.length, query.page, query.pageSize);
});
