import Link from "next/link";
import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listFollowedBranches } from "@/lib/followers/followed-branches";
import { STATUS_LABELS, STATUS_TONES } from "@/lib/drafts/labels";
import { MEETING_KIND_LABELS } from "@/lib/meetings/labels";
import { formatDate, formatPeriod } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { withQuery } from "@/components/ui/pagination";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { Badge } from "@/components/ui/badge";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { QualityChecklist, VERDICT_LABELS } from "@/components/meetings/quality-checklist";

export const metadata = { title: "Chi bộ tôi phụ trách" };

export default async function FollowPage() {
  const actor = await requireSessionActor();
  if (!can(actor.role, "follower.read")) return <ForbiddenPage />;
  const data = await listFollowedBranches(actor);
  const { branches, reviewPeriod, meetingPeriod } = data;
  const upcoming = branches.filter((row) => row.schedule?.upcoming).length;
  const alerts = branches.reduce((sum, row) => sum + row.alerts.length, 0);
  return (
    <>
      <PageHeader
        title="Chi bộ tôi phụ trách"
        description="Các chi bộ Ban Tổ chức giao anh/chị theo dõi: dự thảo, lịch sinh hoạt, tiêu chí chất lượng và cảnh báo."
        actions={
          <>
            <Link className="button button-secondary" href={withQuery("/drafts", { period: reviewPeriod, assigned: "me", status: "AWAITING" })}>Dự thảo chờ xem xét</Link>
            <Link className="button button-secondary" href="/follow/assignments">{can(actor.role, "follower.assign") ? "Phân công theo dõi" : "Ai theo dõi chi bộ nào"}</Link>
          </>
        }
      />
      <div className="grid grid-stats">
        <Stat label="Chi bộ theo dõi" value={formatNumber(branches.length)} accent />
        <Stat label="Dự thảo chờ xem xét" value={formatNumber(data.waitingDrafts)} note="mọi kỳ" />
        <Stat label="Lịch họp sắp tới" value={formatNumber(upcoming)} note="đã thông báo" />
        <Stat label="Cảnh báo dữ liệu" value={formatNumber(alerts)} note={formatPeriod(meetingPeriod)} />
      </div>
      {branches.length === 0 ? (
        <section className="card section">
          <p className="muted">Anh/chị chưa được giao theo dõi chi bộ nào. Ban Tổ chức phân công ở trang “Phân công theo dõi”.</p>
        </section>
      ) : (
        <div className="follow-list section">
          {branches.map((row) => (
            <section key={row.branch.id} className="card follow-branch" aria-labelledby={`fb-${row.branch.id}`}>
              <div className="card-header">
                <h2 id={`fb-${row.branch.id}`}>
                  <Link href={withQuery(`/meetings/branch/${row.branch.id}`, { period: meetingPeriod })}>{row.branch.name}</Link>
                </h2>
                <span className="muted small">{row.ward?.name ?? ""}</span>
              </div>
              <dl className="follow-facts">
                <div>
                  <dt>Dự thảo {formatPeriod(reviewPeriod).toLowerCase()}</dt>
                  <dd>
                    {row.draft ? (
                      <>
                        <Badge tone={STATUS_TONES[row.draft.status]}>{STATUS_LABELS[row.draft.status]}</Badge> <Link href={`/drafts/${row.draft.id}`}>phiên bản {row.draft.versionNo}</Link>
                      </>
                    ) : (
                      <span className="muted">Chưa nộp</span>
                    )}
                  </dd>
                </div>
                <div>
                  <dt>{row.schedule?.upcoming ? "Lịch họp sắp tới" : "Lịch họp đã thông báo"}</dt>
                  <dd className="follow-schedule">
                    {row.schedule ? (
                      <>
                        {MEETING_KIND_LABELS[row.schedule.kind]} lúc {row.schedule.startTime} ngày {formatDate(row.schedule.plannedOn)} tại {row.schedule.place}
                        <span className="small muted follow-agenda">{row.schedule.agenda}</span>
                      </>
                    ) : (
                      <span className="muted">Chưa thông báo lịch</span>
                    )}
                  </dd>
                </div>
                <div>
                  <dt>Cảnh báo dữ liệu</dt>
                  <dd>
                    {row.alerts.length ? (
                      <ul className="follow-alerts">
                        {row.alerts.map((alert, index) => (
                          <li key={`${alert.kind}-${index}`}>
                            <Badge tone="warn">{alert.title}</Badge> <span className="small">{alert.explanation}</span>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="muted">Không có</span>
                    )}
                  </dd>
                </div>
              </dl>
              {row.meetings.length ? (
                row.meetings.map((meeting) => (
                  <details key={meeting.id} className="follow-meeting">
                    <summary>
                      {MEETING_KIND_LABELS[meeting.kind]} ngày {formatDate(meeting.heldOn)}: {VERDICT_LABELS[meeting.quality.verdict]}
                    </summary>
                    <QualityChecklist checklist={meeting.quality.checklist} verdict={meeting.quality.verdict} headingId={`q-${meeting.id}`} />
                    <p className="small">
                      <Link href={`/meetings/branch/${row.branch.id}/${meetingPeriod}`}>Mở biên bản cuộc họp</Link>
                    </p>
                  </details>
                ))
              ) : (
                <p className="muted small">Chưa ghi cuộc họp {formatPeriod(meetingPeriod).toLowerCase()}.</p>
              )}
            </section>
          ))}
        </div>
      )}
    </>
  );
}
