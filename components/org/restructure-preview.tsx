import type { RestructureOutcome } from "@/lib/org/restructure/restructure-org-units";
import { RESTRUCTURE_TYPE_LABELS } from "@/lib/org/restructure/labels";
import { LEVEL_LABELS } from "@/lib/org/labels";
import { formatNumber } from "@/lib/format/number";
import { Stat } from "@/components/ui/stat";
import { Badge } from "@/components/ui/badge";

const MAX_ROWS = 12;

/** What a restructuring moves, in words and figures, before the admin confirms it. */
export function RestructurePreview({ outcome }: { outcome: RestructureOutcome }) {
  const { moves } = outcome;
  const destination = outcome.created[0]?.name ?? outcome.moved[0]?.to.name;
  return (
    <section className="reform-preview" aria-label="Xem trước thay đổi">
      <h2>
        <Badge tone="warn">Xem trước</Badge> {RESTRUCTURE_TYPE_LABELS[outcome.event.type]}
      </h2>
      <p className="reform-summary">{outcome.event.summary}.</p>
      {outcome.warnings?.length ? (
        <div className="alert alert-warn" role="alert">
          <strong>Cần xem lại trước khi áp dụng:</strong>
          <ul>
            {outcome.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {moves.branches ? (
        <p>
          <strong>{formatNumber(moves.branches)} chi bộ</strong>, <strong>{formatNumber(moves.members)} đảng viên</strong> và{" "}
          <strong>{formatNumber(moves.openFeedback)} phản hồi chưa xử lý</strong> của họ chuyển{destination ? ` về ${destination}` : ""}. Số liệu các tháng trước ngày hiệu lực vẫn tính theo cây cũ.
        </p>
      ) : null}
      <div className="grid grid-stats">
        <Stat label="Chi bộ chuyển" value={formatNumber(moves.branches)} />
        <Stat label="Đảng viên" value={formatNumber(moves.members)} />
        <Stat label="Tài khoản" value={formatNumber(moves.users)} note={moves.tokens ? `và ${formatNumber(moves.tokens)} mã truy cập API` : undefined} />
        <Stat label="Phản hồi chưa xử lý" value={formatNumber(moves.openFeedback)} />
      </div>
      {outcome.created.length || outcome.closed.length || outcome.renamed.length ? (
        <ul className="reform-list">
          {outcome.created.map((unit) => (
            <li key={`c${unit.id}`}><Badge tone="ok">Thành lập</Badge> {unit.name} <span className="mono muted">{unit.code}</span></li>
          ))}
          {outcome.closed.map((unit) => (
            <li key={`x${unit.id}`}><Badge tone="bad">Kết thúc hoạt động</Badge> {unit.name} <span className="mono muted">{unit.code}</span></li>
          ))}
          {outcome.renamed.map((unit) => (
            <li key={`r${unit.id}`}><Badge tone="info">Đổi tên</Badge> {unit.oldName} → {unit.name}</li>
          ))}
        </ul>
      ) : null}
      {outcome.moved.length ? (
        <details className="reform-moved" open={outcome.moved.length <= MAX_ROWS}>
          <summary>Đơn vị chuyển trực thuộc ({formatNumber(outcome.moved.length)})</summary>
          <ul className="reform-list">
            {outcome.moved.slice(0, MAX_ROWS).map((unit) => (
              <li key={unit.id}>
                {unit.name} <span className="muted">({LEVEL_LABELS[unit.level]}): {unit.from?.name ?? "—"} → {unit.to.name}</span>
              </li>
            ))}
          </ul>
          {outcome.moved.length > MAX_ROWS ? <p className="muted reform-more">… và {formatNumber(outcome.moved.length - MAX_ROWS)} đơn vị khác.</p> : null}
        </details>
      ) : null}
      {outcome.accounts.length ? (
        <ul className="reform-list">
          {outcome.accounts.map((account) => (
            <li key={account.id}>
              <span className="mono">{account.username}</span> ({account.displayName}):{" "}
              {account.action === "MOVE" ? <>chuyển phạm vi sang <strong>{account.to?.name}</strong></> : <Badge tone="bad">khóa tài khoản, kết thúc các phiên</Badge>}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
