import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { pathId, pathPeriod, readSearchParams } from "@/lib/validation/page-params";
import { MeetingPeriodPageParams } from "@/lib/meetings/schemas";
import { getMeetingPeriod } from "@/lib/meetings/meeting-period";
import { findDataQualityAlerts } from "@/lib/meetings/data-quality-alerts";
import { isEditable } from "@/lib/meetings/rules";
import { ATTENDANCE_STATUS_LABELS, MEETING_KIND_LABELS, MEETING_KINDS } from "@/lib/meetings/labels";
import { formatDate, formatDateTime, formatPeriod, todayIso } from "@/lib/format/date";
import { formatNumber, formatPercent } from "@/lib/format/number";
import { PageHeader } from "@/components/ui/page-header";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { Badge } from "@/components/ui/badge";
import { withQuery } from "@/components/ui/pagination";
import { MeetingStateBadge } from "@/components/meetings/meeting-state-badge";
import { CloseMeetingForm } from "@/components/meetings/close-meeting-form";
import { ReasonForm } from "@/components/meetings/reason-form";
import { QualityChecklist } from "@/components/meetings/quality-checklist";
import { AnnounceMeetingForm } from "@/components/meetings/announce-meeting-form";
import { addMonths, currentPeriod } from "@/lib/periods/period";
import { AttachmentsPanel } from "@/components/attachments/attachments-panel";
import { listAttachments } from "@/lib/attachments/attachments";
import { ATTACHMENT_MAX_MB } from "@/lib/attachments/settings";
import { getSetting } from "@/lib/settings/app-settings";
import { announceMeetingAction, closeMeetingAction, reopenPeriodAction } from "./actions";

export const metadata = { title: "Cuộc họp chi bộ" };

type Props = { params: Promise<{ branchId: string; period: string }>; searchParams: Promise<{ saved?: string }> };

export default async function MeetingPeriodPage({ params, searchParams }: Props) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "meeting.read")) return <ForbiddenPage />;
  const path = await params;
  const branchId = pathId(path.branchId);
  const period = pathPeriod(path.period);
  const { saved } = readSearchParams(await searchParams, MeetingPeriodPageParams).values;
  const data = await getMeetingPeriod(actor, branchId, period).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const alerts = await findDataQualityAlerts(actor, { orgUnitId: data.branch.id, period, includeDismissed: true });
  const { branch, window } = data;
  const canRecord = can(actor.role, "meeting.record") && isEditable(window);
  const [attachments, maxMegabytes] = await Promise.all([Promise.all(data.meetings.map((meeting) => listAttachments(actor, { meetingId: meeting.id }))), getSetting(ATTACHMENT_MAX_MB)]);
  const recordedKinds = new Set(data.meetings.map((meeting) => meeting.kind));
  const schedule = data.schedules.find((item) => item.kind === "REGULAR") ?? null;
  // A meeting is announced ahead for this month or the next, until it is recorded.
  const canAnnounce = can(actor.role, "meeting.record") && period >= currentPeriod() && period <= addMonths(currentPeriod(), 1) && !recordedKinds.has("REGULAR");

  return (
    <>
      <PageHeader
        breadcrumb={[
          { label: "Sinh hoạt chi bộ", href: "/meetings" },
          ...data.ancestors.filter((a) => a.inScope).map((a) => ({ label: a.name, href: withQuery("/meetings", { unit: a.id, period }) })),
          { label: branch.name, href: withQuery(`/meetings/branch/${branch.id}`, { period }) },
          { label: formatPeriod(period) },
        ]}
        title={`${formatPeriod(period)} — ${branch.name}`}
        description={
          <>
            <MeetingStateBadge state={data.state} /> hạn ghi nhận {formatDate(data.deadline)} ·{" "}
            {window.state === "OPEN"
              ? `sửa được đến hết ${formatDate(window.until)}`
              : window.state === "REOPENED"
                ? `Ban Tổ chức mở lại đến hết ${formatDate(window.until)}`
                : window.state === "LOCKED"
                  ? `đã khóa sổ từ ${formatDate(window.since)}`
                  : "chưa đến kỳ"}
          </>
        }
        actions={
          <>
            {canRecord
              ? MEETING_KINDS.map((kind) => (
                  <Link key={kind} className={kind === "REGULAR" ? "button" : "button button-secondary"} href={withQuery(`/meetings/branch/${branch.id}/${period}/record`, { kind })}>
                    {recordedKinds.has(kind) ? "Sửa" : "Ghi"} {MEETING_KIND_LABELS[kind].toLowerCase()}
                  </Link>
                ))
              : null}
            {can(actor.role, "meeting.record") && period === currentPeriod() ? (
              <Link className="button button-secondary" href={`/meetings/branch/${branch.id}/${addMonths(period, 1)}#lich-hop`}>
                Báo lịch họp tháng sau
              </Link>
            ) : null}
            {can(actor.role, "member.read") ? (
              <Link className="button button-secondary" href={`/meetings/branch/${branch.id}/${period}/fees`}>
                Đảng phí
              </Link>
            ) : null}
            <Link className="button button-secondary" href={withQuery(`/meetings/branch/${branch.id}/${period}/print`, { kind: data.meetings[0]?.kind ?? "REGULAR" })}>
              Phiếu in có mã QR
            </Link>
          </>
        }
      />
      {saved ? (
        <div className="alert alert-success" role="status">
          Đã lưu cuộc họp. Ban Tổ chức và Đảng ủy phường thấy ngay kết quả.
        </div>
      ) : null}

      {alerts.items
        .filter((alert) => alert.meetingId === null)
        .map((alert) => (
          <div key={`${alert.kind}-${alert.subjectKey}`} className={alert.dismissal ? "alert alert-info" : "alert alert-warn"}>
            <strong>{alert.title}.</strong> {alert.explanation}
            {alert.dismissal ? <div className="small">Đã bỏ qua bởi {alert.dismissal.by}: {alert.dismissal.reason}</div> : null}
          </div>
        ))}

      {schedule || canAnnounce ? (
        <section className="section card" id="lich-hop" aria-labelledby="lich-hop-title">
          <div className="card-header">
            <h2 id="lich-hop-title">Lịch sinh hoạt thường kỳ</h2>
            {schedule ? <span className="small muted">Thông báo ngày {formatDate(schedule.announcedOn)} · {schedule.announcedBy}</span> : <Badge tone="warn">Chưa thông báo lịch</Badge>}
          </div>
          {schedule ? (
            <dl className="facts">
              <dt>Thời gian</dt>
              <dd>
                {schedule.startTime} ngày {formatDate(schedule.plannedOn)}
              </dd>
              <dt>Địa điểm</dt>
              <dd>{schedule.place}</dd>
              <dt>Nội dung</dt>
              <dd className="minutes">{schedule.agenda}</dd>
            </dl>
          ) : null}
          {canAnnounce ? (
            <details className="section" open={!schedule}>
              <summary>{schedule ? "Sửa lịch họp" : "Thông báo lịch họp"}</summary>
              <AnnounceMeetingForm action={announceMeetingAction} branchId={branch.id} period={period} today={todayIso()} schedule={schedule} />
            </details>
          ) : null}
        </section>
      ) : null}

      {data.meetings.length === 0 ? (
        <div className="card empty">
          <p>Chưa có bản ghi sinh hoạt của chi bộ trong {formatPeriod(period).toLowerCase()}.</p>
          {canRecord ? (
            <Link className="button" href={`/meetings/branch/${branch.id}/${period}/record`}>
              Ghi cuộc họp
            </Link>
          ) : null}
        </div>
      ) : null}

      {data.meetings.map((meeting) => {
        const own = alerts.items.filter((alert) => alert.meetingId === meeting.id);
        const absent = meeting.attendance.filter((row) => row.status !== "PRESENT");
        const present = meeting.attendance.filter((row) => row.status === "PRESENT");
        return (
          <section className="section card" key={meeting.id} aria-labelledby={`m-${meeting.id}`}>
            <div className="card-header">
              <h2 id={`m-${meeting.id}`}>
                {MEETING_KIND_LABELS[meeting.kind]} ngày {formatDate(meeting.heldOn)}
              </h2>
              {meeting.hasMinutes ? <Badge tone="ok">Đã hoàn tất biên bản</Badge> : <Badge tone="warn">Chưa có biên bản</Badge>}
            </div>
            <div className="grid grid-stats">
              <div className="stat">
                <div className="stat-label">Có mặt</div>
                <div className="stat-value">
                  {formatNumber(meeting.present)}/{formatNumber(meeting.expected)}
                </div>
                <div className="stat-note">{formatPercent(meeting.attendanceRate)} đảng viên phải dự</div>
              </div>
              <div className="stat">
                <div className="stat-label">Vắng có lý do</div>
                <div className="stat-value">{formatNumber(meeting.excused)}</div>
              </div>
              <div className="stat">
                <div className="stat-label">Vắng không lý do</div>
                <div className="stat-value">{formatNumber(meeting.unexcused)}</div>
              </div>
              <div className="stat">
                <div className="stat-label">Miễn sinh hoạt (không tính)</div>
                <div className="stat-value">{formatNumber(meeting.exempt)}</div>
              </div>
            </div>
            <dl className="facts section">
              <dt>Thời gian</dt>
              <dd>
                {meeting.startTime && meeting.endTime ? `${meeting.startTime}–${meeting.endTime} ngày ${formatDate(meeting.heldOn)}` : `Ngày ${formatDate(meeting.heldOn)} (chưa ghi giờ)`}
                {meeting.combinedWithThematic ? " · thường kỳ kết hợp chuyên đề" : ""}
              </dd>
              {meeting.place ? (
                <>
                  <dt>Địa điểm</dt>
                  <dd>{meeting.place}</dd>
                </>
              ) : null}
              <dt>Sổ tay điện tử</dt>
              <dd>{meeting.usedHandbook ? "Cuộc họp có dùng Sổ tay đảng viên điện tử" : "Không dùng"}</dd>
              <dt>Người ghi</dt>
              <dd>
                {meeting.recordedBy} · phiên bản {meeting.versionNo} · cập nhật {formatDateTime(meeting.updatedAt)}
              </dd>
              {meeting.notes ? (
                <>
                  <dt>Ghi chú</dt>
                  <dd>{meeting.notes}</dd>
                </>
              ) : null}
            </dl>

            <QualityChecklist checklist={meeting.quality.checklist} verdict={meeting.quality.verdict} headingId={`q-${meeting.id}`} />

            {own.length ? (
              <div className="section">
                {own.map((alert) => (
                  <div key={`${alert.kind}-${alert.subjectKey}`} className={alert.dismissal ? "alert alert-info" : "alert alert-warn"}>
                    <strong>{alert.title}.</strong> {alert.explanation}
                    {alert.dismissal ? (
                      <div className="small">
                        Đã bỏ qua bởi {alert.dismissal.by} ({formatDateTime(alert.dismissal.at)}): {alert.dismissal.reason}
                      </div>
                    ) : null}
                  </div>
                ))}
              </div>
            ) : null}

            <div className="grid grid-2 section">
              <div>
                <h3>Biên bản</h3>
                {meeting.minutes ? <p className="minutes">{meeting.minutes}</p> : <p className="muted">Chưa có biên bản.</p>}
                {meeting.minutesWarning ? (
                  <div className="alert alert-warn" role="note">
                    <strong>Biên bản không khớp điểm danh.</strong> {meeting.minutesWarning}
                  </div>
                ) : null}
                <h3>Tài liệu gửi trước cuộc họp</h3>
                {meeting.documents.length ? (
                  <ul className="plain-list">
                    {meeting.documents.map((doc) => (
                      <li key={doc.id}>
                        {doc.title} <span className={doc.sentOn < meeting.heldOn ? "muted small" : "small text-bad"}>· gửi {formatDate(doc.sentOn)}</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">Chưa ghi nhận tài liệu nào.</p>
                )}
              </div>
              {data.showMembers ? (
                <div>
                  <h3>Vắng mặt</h3>
                  {absent.length ? (
                    <ul className="plain-list">
                      {absent.map((row) => (
                        <li key={row.member.id}>
                          {row.member.fullName} — <Badge tone={row.status === "EXCUSED" ? "info" : "bad"}>{ATTENDANCE_STATUS_LABELS[row.status]}</Badge>
                          {row.reason ? <span className="small muted"> {row.reason}</span> : null}
                          {!row.belonged ? <Badge tone="warn">không thuộc chi bộ vào ngày họp</Badge> : null}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">Không ai vắng.</p>
                  )}
                  <details>
                    <summary>Có mặt ({formatNumber(present.length)})</summary>
                    <ul className="plain-list columns">
                      {present.map((row) => (
                        <li key={row.member.id}>
                          {row.member.fullName}
                          {!row.belonged ? <Badge tone="warn">không thuộc chi bộ vào ngày họp</Badge> : null}
                        </li>
                      ))}
                    </ul>
                  </details>
                  {data.exempt.length ? (
                    <details>
                      <summary>Miễn sinh hoạt, không tính ({formatNumber(data.exempt.length)})</summary>
                      <ul className="plain-list columns">
                        {data.exempt.map((member) => (
                          <li key={member.id}>{member.fullName}</li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                </div>
              ) : (
                <p className="muted">Danh sách tên chỉ hiển thị cho chi bộ, Đảng ủy phường và Ban Tổ chức.</p>
              )}
            </div>

            <AttachmentsPanel
              title="Tệp đính kèm"
              items={attachments[data.meetings.indexOf(meeting)]}
              uploadKinds={can(actor.role, "meeting.record") ? ["MEETING_MINUTES", "MEETING_DOCUMENT"] : []}
              target={{ meetingId: meeting.id }}
              maxMegabytes={maxMegabytes}
              emptyText="Chưa có bản quét biên bản hay tài liệu gửi trước cuộc họp."
            />

            {canRecord ? (
              <div className="section">
                <h3>{meeting.hasMinutes ? "Sửa biên bản và tài liệu" : "Hoàn tất cuộc họp: biên bản và tài liệu"}</h3>
                <CloseMeetingForm action={closeMeetingAction} meetingId={meeting.id} versionNo={meeting.versionNo} minutes={meeting.minutes} documents={meeting.documents} heldOn={meeting.heldOn} attendance={{ present: meeting.present, expected: meeting.expected, excused: meeting.excused, unexcused: meeting.unexcused }} />
              </div>
            ) : null}
          </section>
        );
      })}

      {window.state === "LOCKED" && can(actor.role, "meeting.reopen") ? (
        <section className="section card">
          <h2>Mở lại kỳ cho chi bộ</h2>
          <p className="muted small">Kỳ đã khóa sổ từ {formatDate(window.since)}. Mở lại để bí thư chi bộ ghi hoặc sửa cuộc họp; việc mở lại được ghi nhật ký.</p>
          <ReasonForm action={reopenPeriodAction} hidden={{ branchId: branch.id, period }} label="Lý do mở lại" submitLabel="Mở lại kỳ này" />
        </section>
      ) : null}

      {data.reopenings.length ? (
        <section className="section card">
          <h2>Các lần mở lại</h2>
          <ul className="plain-list">
            {data.reopenings.map((reopening) => (
              <li key={reopening.id}>
                {formatDateTime(reopening.at)} · {reopening.by} mở đến hết {formatDate(reopening.openUntil)}: {reopening.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
