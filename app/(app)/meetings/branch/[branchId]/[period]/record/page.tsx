import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { pathId, pathPeriod, readSearchParams, type SearchParams } from "@/lib/validation/page-params";
import { MeetingKindPageParams } from "@/lib/meetings/schemas";
import { getRecordingRoster } from "@/lib/meetings/recording-roster";
import { isEditable } from "@/lib/meetings/rules";
import { MEETING_KIND_LABELS, MEETING_KINDS } from "@/lib/meetings/labels";
import { formatDate, formatPeriod } from "@/lib/format/date";
import { PageHeader } from "@/components/ui/page-header";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { withQuery } from "@/components/ui/pagination";
import { OfflineMeetingForm } from "@/components/offline/offline-meeting-form";
import { recordMeetingAction } from "./actions";

export const metadata = { title: "Ghi cuộc họp chi bộ" };

type Props = { params: Promise<{ branchId: string; period: string }>; searchParams: Promise<SearchParams> };

export default async function RecordMeetingPage({ params, searchParams }: Props) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "meeting.record")) return <ForbiddenPage message="Chỉ bí thư chi bộ ghi cuộc họp của chi bộ mình." />;
  const path = await params;
  const branchId = pathId(path.branchId);
  const period = pathPeriod(path.period);
  const { kind } = readSearchParams(await searchParams, MeetingKindPageParams).values;
  const roster = await getRecordingRoster(actor, branchId, period, kind).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { branch, window } = roster;
  const back = `/meetings/branch/${branch.id}/${period}`;
  return (
    <>
      <PageHeader
        breadcrumb={[{ label: "Sinh hoạt chi bộ", href: withQuery(`/meetings/branch/${branch.id}`, { period }) }, { label: formatPeriod(period), href: back }, { label: roster.meeting ? "Sửa cuộc họp" : "Ghi cuộc họp" }]}
        title={`${roster.meeting ? "Sửa" : "Ghi"} cuộc họp ${formatPeriod(period).toLowerCase()}`}
        description={branch.name}
      />
      <nav className="tabs" aria-label="Loại sinh hoạt">
        {MEETING_KINDS.map((option) => (
          <Link key={option} className="tab" href={withQuery(`/meetings/branch/${branch.id}/${period}/record`, { kind: option })} aria-current={option === kind ? "page" : undefined}>
            {MEETING_KIND_LABELS[option]}
          </Link>
        ))}
      </nav>
      {!isEditable(window) ? (
        <div className="card empty" role="alert">
          {window.state === "FUTURE" ? (
            <p>{formatPeriod(period)} chưa bắt đầu.</p>
          ) : (
            <p>
              {formatPeriod(period)} đã khóa sổ từ {formatDate(window.state === "LOCKED" ? window.since : "")}. Đề nghị Ban Tổ chức Quận ủy mở lại kỳ này cho chi bộ.
            </p>
          )}
          <Link className="button button-secondary" href={back}>
            Quay lại
          </Link>
        </div>
      ) : (
        <OfflineMeetingForm
          action={recordMeetingAction}
          branchId={branch.id}
          period={period}
          kind={kind}
          today={roster.today}
          members={roster.members}
          meeting={roster.meeting}
          conduct={roster.conduct}
          suggestedHeldOn={roster.suggestedHeldOn}
          editableUntil={window.state === "OPEN" || window.state === "REOPENED" ? window.until : null}
        />
      )}
    </>
  );
}
