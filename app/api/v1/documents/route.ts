import { apiRoute, readJson, readQuery } from "@/lib/api/handler";
import { issueDocument } from "@/lib/documents/issue-document";
import { listIssuedDocuments } from "@/lib/documents/issued-documents";
import { issuerUnitOf } from "@/lib/documents/issuer";
import { IssuedListQuerySchema } from "@/lib/documents/schemas";

export const GET = apiRoute({ permission: "document.generate" }, async ({ request, actor }) => {
  const query = readQuery(request, IssuedListQuerySchema);
  return { items: await listIssuedDocuments(actor, { orgUnitId: query.orgUnitId ?? (await issuerUnitOf(actor)).id }) };
});

export const POST = apiRoute({ permission: "document.issue" }, async ({ request, actor }) => {
  const issued = await issueDocument(actor, await readJson(request));
  return Response.json(issued, { status: 201 });
});
