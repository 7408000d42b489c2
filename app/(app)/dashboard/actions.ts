"use server";

import { formAction } from "@/lib/actions/form-action";
import { rebuildHandbookStats } from "@/lib/stats/rebuild-handbook-stats";

export const rebuildHandbookStatsAction = formAction({ permission: "settings.manage", revalidate: ["/dashboard"] }, async (actor) => {
  const { periods } = await rebuildHandbookStats(actor);
  return { status: "success", message: `Đã tính lại số liệu của ${periods.toLocaleString("vi-VN")} tháng.` };
});
