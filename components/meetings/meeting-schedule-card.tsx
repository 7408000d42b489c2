import type { FormState } from "@/lib/actions/form-state";
import type { MeetingPeriod } from "@/lib/meetings/meeting-period";
import { formatDate } from "@/lib/format/date";
import { Badge } from "@/components/ui/badge";
import { AnnounceMeetingForm } from "./announce-meeting-form";

type Props = {
  schedule: MeetingPeriod["schedules"][number] | null;
  /** The secretary announces or changes the regular meeting ahead; null: read only. */
  announce: { action: (state: FormState, data: FormData) => Promise<FormState>; branchId: number; period: string; today: string } | null;
};

/** The regular meeting announced ahead: when, where, what; the form to announce it while it can be. */
export function MeetingScheduleCard({ schedule, announce }: Props) {
  return (
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
      {announce ? (
        <details className="section" open={!schedule}>
          <summary>{schedule ? "Sửa lịch họp" : "Thông báo lịch họp"}</summary>
          <AnnounceMeetingForm action={announce.action} branchId={announce.branchId} period={announce.period} today={announce.today} schedule={schedule} />
        </details>
      ) : null}
    </section>
  );
}
