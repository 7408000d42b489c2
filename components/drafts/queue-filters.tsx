import { DRAFT_FLAGS, FLAG_LABELS, STATUS_LABELS } from "@/lib/drafts/labels";
import { formatPeriod } from "@/lib/format/date";

type Props = {
  periods: string[];
  units: { id: number; name: string }[];
  unitLabel: string;
  values: { period: string; orgUnitId?: number; status?: string; flag?: string; timeliness?: string; ack?: string; q?: string; assigned?: string; sort?: string };
};

/** The queue's filters: a GET form, so the URL holds the view and can be shared. */
export function QueueFilters({ periods, units, unitLabel, values }: Props) {
  return (
    <form className="filters card" method="get" role="search" aria-label="Lọc dự thảo">
      <div className="field">
        <label htmlFor="f-period">Kỳ</label>
        <select id="f-period" name="period" defaultValue={values.period}>
          {periods.map((period) => (
            <option key={period} value={period}>{formatPeriod(period)}</option>
          ))}
        </select>
      </div>
      {units.length ? (
        <div className="field">
          <label htmlFor="f-unit">{unitLabel}</label>
          <select id="f-unit" name="orgUnitId" defaultValue={values.orgUnitId ? String(values.orgUnitId) : ""}>
            <option value="">Tất cả</option>
            {units.map((unit) => (
              <option key={unit.id} value={unit.id}>{unit.name}</option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="f-status">Trạng thái</label>
        <select id="f-status" name="status" defaultValue={values.status ?? ""}>
          <option value="">Tất cả</option>
          <option value="AWAITING">Chờ xem xét (mới và đã sửa)</option>
          {(["SUBMITTED", "REVISED", "CHANGES_REQUESTED", "APPROVED", "NOT_SUBMITTED"] as const).map((status) => (
            <option key={status} value={status}>{STATUS_LABELS[status]}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-flag">Cờ (đã gắn hoặc máy đề xuất)</label>
        <select id="f-flag" name="flag" defaultValue={values.flag ?? ""}>
          <option value="">Tất cả</option>
          {DRAFT_FLAGS.map((flag) => (
            <option key={flag} value={flag}>{FLAG_LABELS[flag]}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-timeliness">Hạn nộp</label>
        <select id="f-timeliness" name="timeliness" defaultValue={values.timeliness ?? ""}>
          <option value="">Tất cả</option>
          <option value="ON_TIME">Đúng hạn</option>
          <option value="LATE">Nộp muộn</option>
          <option value="MISSING">Quá hạn, chưa nộp</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-ack">Phường xác nhận</label>
        <select id="f-ack" name="ack" defaultValue={values.ack ?? ""}>
          <option value="">Tất cả</option>
          <option value="pending">Chưa xác nhận</option>
          <option value="overdue">Chưa xác nhận, quá hạn</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-assigned">Phụ trách</label>
        <select id="f-assigned" name="assigned" defaultValue={values.assigned ?? ""}>
          <option value="">Tất cả chi bộ</option>
          <option value="me">Chi bộ tôi phụ trách</option>
        </select>
      </div>
      <div className="field field-wide">
        <label htmlFor="f-q">Tìm trong tên chi bộ và nội dung (có dấu hoặc không dấu)</label>
        <input id="f-q" name="q" type="search" defaultValue={values.q ?? ""} maxLength={100} placeholder="ví dụ: phong chay chua chay" />
      </div>
      {values.sort && values.sort !== "queue" ? <input type="hidden" name="sort" value={values.sort} /> : null}
      <button className="button button-secondary" type="submit">Lọc</button>
    </form>
  );
}
