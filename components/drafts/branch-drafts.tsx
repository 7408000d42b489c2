import Link from "next/link";
import type { listBranchDrafts } from "@/lib/drafts/branch-drafts";
import { FLAG_LABELS, STATUS_LABELS, STATUS_TONES, TIMELINESS_LABELS, TIMELINESS_TONES, type DraftFlagKey } from "@/lib/drafts/labels";
import { formatDateTime, formatPeriod } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { PageHeader, type Crumb } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";

type Props = Awaited<ReturnType<typeof listBranchDrafts>> & {
  /** The review period: its draft is shown first. */
  period: string;
  /** The branch's own secretary writes or revises the period's draft. */
  canWrite: boolean;
  breadcrumb?: Crumb[];
};

/** One branch's drafts by period, this period's status first. */
export function BranchDrafts({ branch, drafts, period, canWrite, breadcrumb }: Props) {
  const current = drafts.find((draft) => draft.period === period);
  return (
    <>
      <PageHeader breadcrumb={breadcrumb} title="Dự thảo nghị quyết của chi bộ" description={branch.name} actions={canWrite ? <Link className="button" href={`/drafts/write?period=${period}`}>{current ? "Sửa dự thảo" : "Soạn dự thảo"} {formatPeriod(period).toLowerCase()}</Link> : null} />
      <section className="card">
        <h2>{formatPeriod(period)}</h2>
        {current ? (
          <p>
            <Badge tone={STATUS_TONES[current.status]}>{STATUS_LABELS[current.status]}</Badge> · phiên bản {current.currentVersionNo} · nộp {formatDateTime(current.firstSubmittedAt)}{" "}
            <Badge tone={TIMELINESS_TONES[current.timeliness]}>{TIMELINESS_LABELS[current.timeliness]}</Badge> · <Link href={`/drafts/${current.id}`}>Xem dự thảo và góp ý</Link>
          </p>
        ) : (
          <p className="muted">Chi bộ chưa nộp dự thảo kỳ này.</p>
        )}
      </section>
      <div className="table-wrap section">
        <table>
          <thead>
            <tr>
              <th>Kỳ</th>
              <th>Trạng thái</th>
              <th className="num">Phiên bản</th>
              <th>Nộp lần đầu</th>
              <th>Cờ</th>
              <th className="num">Góp ý mở</th>
            </tr>
          </thead>
          <tbody>
            {drafts.length === 0 ? (
              <tr>
                <td colSpan={6} className="empty">Chưa có dự thảo nào.</td>
              </tr>
            ) : (
              drafts.map((draft) => (
                <tr key={draft.id}>
                  <td>
                    <Link href={`/drafts/${draft.id}`}>{formatPeriod(draft.period)}</Link>
                  </td>
                  <td>
                    <Badge tone={STATUS_TONES[draft.status]}>{STATUS_LABELS[draft.status]}</Badge>
                  </td>
                  <td className="num">{draft.currentVersionNo}</td>
                  <td>
                    {formatDateTime(draft.firstSubmittedAt)} {draft.timeliness === "LATE" ? <Badge tone="warn">Nộp muộn</Badge> : null}
                  </td>
                  <td>{(draft.flags as DraftFlagKey[]).map((flag) => FLAG_LABELS[flag]).join(", ") || "—"}</td>
                  <td className="num">{formatNumber(draft.openComments)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
