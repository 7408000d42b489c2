import { apiRoute, idParam, paged, readQuery } from "@/lib/api/handler";
import { listBranchMembers } from "@/lib/members/list-branch-members";
import { BranchMembersQuery } from "@/lib/meetings/api-queries";

export const GET = apiRoute<{ id: string }>({ permission: "member.read" }, async ({ request, actor, params }) => {
  const query = readQuery(request, BranchMembersQuery);
  const { members } = await listBranchMembers(actor, idParam(params.id), { includeFormer: query.includeFormer === "1" || query.includeFormer === "true" });
  const start = (query.page - 1) * query.pageSize;
  const items = members.slice(start, start + query.pageSize).map((member) => ({
    id: member.id,
    code: member.code,
    fullName: member.fullName,
    status: member.status,
    joinedBranchOn: member.joinedBranchOn.toISOString().slice(0, 10),
    leftBranchOn: member.leftBranchOn ? member.leftBranchOn.toISOString().slice(0, 10) : null,
  }));
  return paged(items, members.length, query.page, query.pageSize);
});
