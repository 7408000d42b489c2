import type { DataQualityAlert } from "@/lib/meetings/data-quality-alerts";
import { formatDateTime } from "@/lib/format/date";

/** Data-quality alerts as notes: open ones warn, dismissed ones say who set them aside and why. */
export function DataQualityNotes({ alerts, withDismissalTime = false }: { alerts: DataQualityAlert[]; withDismissalTime?: boolean }) {
  return alerts.map((alert) => (
    <div key={`${alert.kind}-${alert.subjectKey}`} className={alert.dismissal ? "alert alert-info" : "alert alert-warn"}>
      <strong>{alert.title}.</strong> {alert.explanation}
      {alert.dismissal ? (
        <div className="small">
          Đã bỏ qua bởi {alert.dismissal.by}
          {withDismissalTime ? ` (${formatDateTime(alert.dismissal.at)})` : ""}: {alert.dismissal.reason}
        </div>
      ) : null}
    </div>
  ));
}
