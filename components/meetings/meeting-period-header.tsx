import Link from "next/link";
import type { MeetingPeriod } from "@/lib/meetings/meeting-period";
import type { MeetingKind } from "@/lib/generated/prisma/enums";
import { MEETING_KIND_LABELS, MEETING_KINDS } from "@/lib/meetings/labels";
import { addMonths, type Period } from "@/lib/periods/period";
import { formatDate, formatPeriod } from "@/lib/format/date";
import { PageHeader } from "@/components/ui/page-header";
import { withQuery } from "@/components/ui/pagination";
import { MeetingStateBadge } from "./meeting-state-badge";

type Props = {
  data: MeetingPeriod;
  period: Period;
  recordedKinds: Set<MeetingKind>;
  /** The secretary may record or edit each kind of meeting (the period is open). */
  canRecord: boolean;
  /** The secretary, in the current month, announces next month's meeting. */
  canAnnounceNext: boolean;
  canSeeFees: boolean;
};

/** A branch's month: where it sits, whether it met, until when it can be edited, and what to do next. */
export function MeetingPeriodHeader({ data, period, recordedKinds, canRecord, canAnnounceNext, canSeeFees }: Props) {
  const { branch, window } = data;
  return (
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
          {canAnnounceNext ? (
            <Link className="button button-secondary" href={`/meetings/branch/${branch.id}/${addMonths(period, 1)}#lich-hop`}>
              Báo lịch họp tháng sau
            </Link>
          ) : null}
          {canSeeFees ? (
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
  );
}
