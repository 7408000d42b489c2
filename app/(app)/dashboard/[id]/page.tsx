import { Suspense } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { getHandbookDashboard } from "@/lib/stats/get-handbook-dashboard";
import { findUnitInScope } from "@/lib/org/org-units";
import { DashboardParamsSchema } from "@/lib/stats/schemas";
import { pathId, readSearchParams, type SearchParams } from "@/lib/validation/page-params";
import { PageHeader } from "@/components/ui/page-header";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { CardSkeleton, StatsSkeleton } from "@/components/ui/skeleton";
import { HandbookDashboardView } from "@/components/stats/handbook-dashboard";
import { rebuildHandbookStatsAction } from "../actions";

export const metadata = { title: "Bảng điều hành Sổ tay đảng viên điện tử" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };
type View = ReturnType<typeof DashboardParamsSchema.parse>;

export default async function UnitDashboardPage({ params, searchParams }: Props) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "stats.read")) return <ForbiddenPage message="Bảng điều hành dành cho lãnh đạo, Ban Tổ chức và Đảng ủy phường." />;
  const id = pathId((await params).id);
  const view = readSearchParams(await searchParams, DashboardParamsSchema).values;
  // Out of scope (or no such unit) is a 404, decided before anything is sent; the figures then stream in.
  const unit = await findUnitInScope(actor, id, "stats.read").catch(() => notFound());
  return (
    <Suspense
      fallback={
        <>
          <PageHeader title={unit.name} description="Sổ tay đảng viên điện tử" />
          <StatsSkeleton />
          <CardSkeleton title="Diễn biến theo tháng" lines={6} />
        </>
      }
    >
      <DashboardBody actor={actor} unit={unit} view={view} />
    </Suspense>
  );
}

async function DashboardBody({ actor, unit, view }: { actor: Actor; unit: { id: number; name: string }; view: View }) {
  const data = await getHandbookDashboard(actor, { orgUnitId: unit.id, period: view.period, laggingPage: view.page }).catch((error: unknown) => {
    if (error instanceof NotFoundError) return error;
    throw error;
  });
  if (data instanceof NotFoundError) {
    // A unit in scope without figures for that month gets an explanation.
    return (
      <>
        <PageHeader title={unit.name} description="Sổ tay đảng viên điện tử" />
        <div className="card empty">
          <p>{data.message}</p>
          {view.period ? <Link className="button button-secondary" href={`/dashboard/${unit.id}`}>Xem tháng mới nhất</Link> : null}
        </div>
      </>
    );
  }
  return (
    <HandbookDashboardView
      actor={actor}
      data={data}
      view={{ metric: view.metric, sort: view.sort, page: view.page, periodInUrl: view.period }}
      rebuildAction={can(actor.role, "settings.manage") ? rebuildHandbookStatsAction : undefined}
    />
  );
}
