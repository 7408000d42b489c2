import { z } from "zod";
import { apiRoute, readJson, readQuery } from "@/lib/api/handler";
import { PeriodSchema } from "@/lib/periods/period";
import { getWorkingCopy, saveWorkingCopy } from "@/lib/drafts/working-copy";
import { WorkingCopySchema } from "@/lib/drafts/schemas";

/** The secretary's unsent text (autosave). */
export const GET = apiRoute({ permission: "draft.submit" }, async ({ request, actor }) => {
  const { period } = readQuery(request, z.object({ period: PeriodSchema }));
  return (await getWorkingCopy(actor, period)) ?? { period, title: "", body: "", baseVersionNo: 0, savedAt: null };
});

export const PUT = apiRoute({ permission: "draft.submit" }, async ({ request, actor }) => {
  const body = await readJson(request, WorkingCopySchema, 512 * 1024);
  return saveWorkingCopy(actor, body);
});
