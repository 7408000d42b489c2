import { apiRoute, readJson, readQuery } from "@/lib/api/handler";
import { getWorkingCopy, saveWorkingCopy } from "@/lib/drafts/working-copy";
import { PeriodQuerySchema } from "@/lib/drafts/schemas";

/** The secretary's unsent text (autosave). */
export const GET = apiRoute({ permission: "draft.submit" }, async ({ request, actor }) => {
  const { period } = readQuery(request, PeriodQuerySchema);
  return (await getWorkingCopy(actor, period)) ?? { period, title: "", body: "", baseVersionNo: 0, savedAt: null };
});

export const PUT = apiRoute({ permission: "draft.submit" }, async ({ request, actor }) => {
  const body = await readJson(request, 512 * 1024);
  return saveWorkingCopy(actor, body);
});
