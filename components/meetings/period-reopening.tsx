import type { FormState } from "@/lib/actions/form-state";
import type { MeetingPeriod } from "@/lib/meetings/meeting-period";
import { formatDate, formatDateTime } from "@/lib/format/date";
import { ReasonForm } from "./reason-form";

type ReopenProps = { since: string; branchId: number; period: string; action: (state: FormState, data: FormData) => Promise<FormState> };

/** The board reopens a locked period for the branch, with a reason that is logged. */
export function ReopenPeriodCard({ since, branchId, period, action }: ReopenProps) {
  return (
    <section className="section card">
      <h2>Mở lại kỳ cho chi bộ</h2>
      <p className="muted small">Kỳ đã khóa sổ từ {formatDate(since)}. Mở lại để bí thư chi bộ ghi hoặc sửa cuộc họp; việc mở lại được ghi nhật ký.</p>
      <ReasonForm action={action} hidden={{ branchId, period }} label="Lý do mở lại" submitLabel="Mở lại kỳ này" />
    </section>
  );
}

/** Every time the period was reopened: when, by whom, until when and why. */
export function ReopeningsCard({ reopenings }: { reopenings: MeetingPeriod["reopenings"] }) {
  return (
    <section className="section card">
      <h2>Các lần mở lại</h2>
      <ul className="plain-list">
        {reopenings.map((reopening) => (
          <li key={reopening.id}>
            {formatDateTime(reopening.at)} · {reopening.by} mở đến hết {formatDate(reopening.openUntil)}: {reopening.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}
