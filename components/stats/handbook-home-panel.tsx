import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { getHandbookOverview } from "@/lib/stats/get-handbook-overview";
import { formatNumber, formatPercent } from "@/lib/format/number";
import { formatPeriod } from "@/lib/format/date";
import { eligibleRateNote, HANDBOOK_USE } from "@/lib/stats/usage-definitions";

/** Home page: the scope's handbook figures of the latest month, with the way into the dashboard. */
export async function HandbookHomePanel({ actor }: { actor: Actor }) {
  const overview = await getHandbookOverview(actor).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  if (!overview) return null;
  return (
    <section className="section card">
      <div className="card-header">
        <h2>Sổ tay đảng viên điện tử · {formatPeriod(overview.period)}</h2>
        <Link className="button button-small" href={`/dashboard/${overview.orgUnit.id}`}>
          Mở bảng điều hành
        </Link>
      </div>
      <dl className="facts">
        <dt>Đã cài / đảng viên</dt>
        <dd>
          {formatPercent(overview.installRate)} ({formatNumber(overview.membersInstalled)} / {formatNumber(overview.membersTotal)})
        </dd>
        <dt>Đã cài / thuộc diện</dt>
        <dd>
          {formatPercent(overview.eligibleInstallRate, 2)}
          {eligibleRateNote(overview.eligibleInstallRate) ? <span className="small muted"> ({eligibleRateNote(overview.eligibleInstallRate)})</span> : null}
        </dd>
        <dt>{HANDBOOK_USE.reported.label}</dt>
        <dd>
          {formatNumber(overview.branchesUsingInMeetings)} / {formatNumber(overview.branchesTotal)} ({formatPercent(overview.meetingUsageRate)})
        </dd>
        <dt>Tin bài · văn bản trong tháng</dt>
        <dd>
          {formatNumber(overview.newsPosts)} · {formatNumber(overview.documents)}
        </dd>
      </dl>
    </section>
  );
}
