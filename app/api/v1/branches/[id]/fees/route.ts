import { apiRoute, idParam, readJson, readQuery } from "@/lib/api/handler";
import { getFeeSheet } from "@/lib/fees/fee-sheet";
import { recordFees } from "@/lib/fees/record-fees";
import { FeeSheetQuery } from "@/lib/fees/schemas";

/** A branch's fee sheet for a month: every member who belonged, exempt ones marked, with what was recorded. */
export const GET = apiRoute<{ id: string }>({ permission: "member.read" }, async ({ request, actor, params }) => {
  const query = readQuery(request, FeeSheetQuery);
  return getFeeSheet(actor, idParam(params.id), query.period);
});

/** The secretary records fees for a month (idempotent; members not listed keep theirs); recordFees validates the body. */
export const PUT = apiRoute<{ id: string }>({ permission: "meeting.record" }, async ({ request, actor, params }) => {
  const body = await readJson(request);
  return recordFees(actor, idParam(params.id), body);
});
