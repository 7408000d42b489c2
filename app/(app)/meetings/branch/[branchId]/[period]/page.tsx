import { notFound } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { pathId, pathPeriod, readSearchParams } from "@/lib/validation/page-params";
import { MeetingPeriodPageParams } from "@/lib/meetings/schemas";
import { getMeetingPeriod } from "@/lib/meetings/meeting-period";
import { findDataQualityAlerts } from "@/lib/meetings/data-quality-alerts";
import { isEditable } from "@/lib/meetings/rules";
import { todayIso } from "@/lib/format/date";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { MeetingPeriodHeader } from "@/components/meetings/meeting-period-header";
import { DataQualityNotes } from "@/components/meetings/data-quality-notes";
import { MeetingScheduleCard } from "@/components/meetings/meeting-schedule-card";
import { NoMeetingRecorded, RecordedMeeting } from "@/components/meetings/recorded-meeting";
import { ReopenPeriodCard, ReopeningsCard } from "@/components/meetings/period-reopening";
import { addMonths, currentPeriod } from "@/lib/periods/period";
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
      <MeetingPeriodHeader
        data={data}
        period={period}
        recordedKinds={recordedKinds}
        canRecord={canRecord}
        canAnnounceNext={can(actor.role, "meeting.record") && period === currentPeriod()}
        canSeeFees={can(actor.role, "member.read")}
      />
      {saved ? (
        <div className="alert alert-success" role="status">
          Đã lưu cuộc họp. Ban Tổ chức và Đảng ủy phường thấy ngay kết quả.
        </div>
      ) : null}

      <DataQualityNotes alerts={alerts.items.filter((alert) => alert.meetingId === null)} />

      {schedule || canAnnounce ? <MeetingScheduleCard schedule={schedule} announce={canAnnounce ? { action: announceMeetingAction, branchId: branch.id, period, today: todayIso() } : null} /> : null}

      {data.meetings.length === 0 ? <NoMeetingRecorded period={period} recordHref={canRecord ? `/meetings/branch/${branch.id}/${period}/record` : null} /> : null}

      {data.meetings.map((meeting, index) => (
        <RecordedMeeting
          key={meeting.id}
          meeting={meeting}
          alerts={alerts.items.filter((alert) => alert.meetingId === meeting.id)}
          members={data.showMembers ? { exempt: data.exempt } : null}
          attachments={attachments[index]}
          maxMegabytes={maxMegabytes}
          canUpload={can(actor.role, "meeting.record")}
          closeAction={canRecord ? closeMeetingAction : null}
        />
      ))}

      {window.state === "LOCKED" && can(actor.role, "meeting.reopen") ? <ReopenPeriodCard since={window.since} branchId={branch.id} period={period} action={reopenPeriodAction} /> : null}

      {data.reopenings.length ? <ReopeningsCard reopenings={data.reopenings} /> : null}
    </>
  );
}
