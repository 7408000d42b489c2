import Link from "next/link";
import type { FormState } from "@/lib/actions/form-state";
import type { DataQualityAlert } from "@/lib/meetings/data-quality-alerts";
import type { MeetingPeriod, PeriodMeeting } from "@/lib/meetings/meeting-period";
import { ATTENDANCE_STATUS_LABELS, MEETING_KIND_LABELS } from "@/lib/meetings/labels";
import { formatDate, formatDateTime, formatPeriod } from "@/lib/format/date";
import { formatNumber, formatPercent } from "@/lib/format/number";
import { Badge } from "@/components/ui/badge";
import { AttachmentsPanel } from "@/components/attachments/attachments-panel";
import { CloseMeetingForm } from "./close-meeting-form";
import { QualityChecklist } from "./quality-checklist";
import { DataQualityNotes } from "./data-quality-notes";

type Props = {
  meeting: PeriodMeeting;
  /** The alerts about this meeting. */
  alerts: DataQualityAlert[];
  /** Member names, for the roles that may read members (null: figures only). */
  members: { exempt: MeetingPeriod["exempt"] } | null;
  attachments: Parameters<typeof AttachmentsPanel>[0]["items"];
  maxMegabytes: number;
  /** The branch uploads the scanned minutes and the documents. */
  canUpload: boolean;
  /** The secretary completes the minutes and documents while the period is open; null: read only. */
  closeAction: ((state: FormState, data: FormData) => Promise<FormState>) | null;
};

/** One recorded meeting: attendance, conduct, quality, alerts, minutes, documents, who was absent, files. */
export function RecordedMeeting({ meeting, alerts, members, attachments, maxMegabytes, canUpload, closeAction }: Props) {
  const absent = meeting.attendance.filter((row) => row.status !== "PRESENT");
  const present = meeting.attendance.filter((row) => row.status === "PRESENT");
  return (
    <section className="section card" aria-labelledby={`m-${meeting.id}`}>
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

      {alerts.length ? (
        <div className="section">
          <DataQualityNotes alerts={alerts} withDismissalTime />
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
        {members ? (
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
            {members.exempt.length ? (
              <details>
                <summary>Miễn sinh hoạt, không tính ({formatNumber(members.exempt.length)})</summary>
                <ul className="plain-list columns">
                  {members.exempt.map((member) => (
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
        items={attachments}
        uploadKinds={canUpload ? ["MEETING_MINUTES", "MEETING_DOCUMENT"] : []}
        target={{ meetingId: meeting.id }}
        maxMegabytes={maxMegabytes}
        emptyText="Chưa có bản quét biên bản hay tài liệu gửi trước cuộc họp."
      />

      {closeAction ? (
        <div className="section">
          <h3>{meeting.hasMinutes ? "Sửa biên bản và tài liệu" : "Hoàn tất cuộc họp: biên bản và tài liệu"}</h3>
          <CloseMeetingForm action={closeAction} meetingId={meeting.id} versionNo={meeting.versionNo} minutes={meeting.minutes} documents={meeting.documents} heldOn={meeting.heldOn} attendance={{ present: meeting.present, expected: meeting.expected, excused: meeting.excused, unexcused: meeting.unexcused }} />
        </div>
      ) : null}
    </section>
  );
}

/** The period has no meeting yet: say so, and lead the secretary to record one. */
export function NoMeetingRecorded({ period, recordHref }: { period: string; recordHref: string | null }) {
  return (
    <div className="card empty">
      <p>Chưa có bản ghi sinh hoạt của chi bộ trong {formatPeriod(period).toLowerCase()}.</p>
      {recordHref ? (
        <Link className="button" href={recordHref}>
          Ghi cuộc họp
        </Link>
      ) : null}
    </div>
  );
}
