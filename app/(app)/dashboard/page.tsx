import { redirect } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getScopeRoot } from "@/lib/org/org-units";
import { DashboardParamsSchema } from "@/lib/stats/schemas";
import { readSearchParams, type SearchParams } from "@/lib/validation/page-params";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { withQuery } from "@/components/ui/pagination";

type Props = { searchParams: Promise<SearchParams> };

/** The dashboard of the user's own scope root (the city, the district or the ward). */
export default async function DashboardHome({ searchParams }: Props) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "stats.read")) return <ForbiddenPage message="Bảng điều hành dành cho lãnh đạo, Ban Tổ chức và Đảng ủy phường." />;
  const root = await getScopeRoot(actor);
  const { period } = readSearchParams(await searchParams, DashboardParamsSchema).values;
  redirect(withQuery(`/dashboard/${root.id}`, { period }));
}
