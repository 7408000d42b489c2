import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { pathId, pathPeriod } from "@/lib/validation/page-params";
import { findBranchDraft } from "@/lib/drafts/branch-drafts";
import { formatDateTime, formatPeriod } from "@/lib/format/date";
import { PageHeader } from "@/components/ui/page-header";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { now as clockNow } from "@/lib/clock";

type Props = { params: Promise<{ branchId: string; period: string }> };

export const metadata = { title: "Dự thảo nghị quyết" };

/** A branch's draft for a period (the QR code on a meeting's printout points here): the draft, or a clear "not submitted" page. */
export default async function BranchPeriodDraftPage({ params }: Props) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "draft.read")) return <ForbiddenPage />;
  const path = await params;
  const branchId = pathId(path.branchId);
  const period = pathPeriod(path.period);
  const found = await findBranchDraft(actor, branchId, period).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  if (found.draft) redirect(`/drafts/${found.draft.id}`);
  const overdue = clockNow() > found.deadline;
  return (
    <>
      <PageHeader breadcrumb={[{ label: "Dự thảo nghị quyết", href: `/drafts?period=${period}` }, { label: found.branch.name }]} title={found.branch.name} description={`Dự thảo nghị quyết ${formatPeriod(period).toLowerCase()}`} />
      <div className={`card empty ${overdue ? "missing-draft" : ""}`} role="status">
        <h2>Chưa nộp dự thảo</h2>
        <p>
          Chi bộ chưa nộp dự thảo nghị quyết {formatPeriod(period).toLowerCase()}. Hạn nộp: {formatDateTime(found.deadline)}
          {overdue ? " — đã quá hạn." : "."}
        </p>
        <div className="actions-row" style={{ justifyContent: "center" }}>
          {can(actor.role, "draft.submit") && actor.orgUnitId === found.branch.id ? <Link className="button" href={`/drafts/write?period=${period}`}>Soạn dự thảo</Link> : null}
          <Link className="button button-secondary" href={`/drafts?period=${period}`}>Về danh sách dự thảo</Link>
        </div>
      </div>
    </>
  );
}
