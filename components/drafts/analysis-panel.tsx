import Link from "next/link";
import type { DraftDetail, SimilarDraft } from "@/lib/drafts/get-draft-detail";
import { CHECKLIST_LABELS } from "@/lib/drafts/analyzer/checklist";
import { DIRECTIVE_LABELS, type DirectiveResult } from "@/lib/drafts/analyzer/directives";
import { FLAG_LABELS } from "@/lib/drafts/labels";
import { formatPercent } from "@/lib/format/number";
import { Badge } from "@/components/ui/badge";

type Props = { detail: DraftDetail; similar: SimilarDraft[]; directives: DirectiveResult[]; templateThreshold: number; base: string };

const DIRECTIVE_TONES = { ADDRESSED: "ok", RESTATED: "warn", MISSING: "bad" } as const;

/** What the analyzer found in the current version — evidence for people, never a decision. */
export function AnalysisPanel({ detail, similar, directives, templateThreshold, base }: Props) {
  const analysis = detail.analysis;
  if (!analysis) return <p className="muted">Chưa có kết quả phân tích.</p>;
  return (
    <div className="analysis">
      <p className="small muted">Máy đọc phiên bản {analysis.versionNo} và đề xuất; người xem xét quyết định. Phần thể thức bắt buộc (quốc hiệu, căn cứ, nơi nhận…) và nguyên văn định hướng không tính vào độ giống.</p>
      {analysis.proposedFlags.length ? (
        <div className="proposals">
          <h3>Máy đề xuất gắn cờ</h3>
          <ul>
            {analysis.proposedFlags.map((flag) => (
              <li key={flag}>
                <Badge tone="warn">{FLAG_LABELS[flag]}</Badge> <span className="small">{analysis.reasons[flag]}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <h3>Tiêu chí sát thực tế</h3>
      <ul className="checklist">
        {analysis.checklist.map((item) => (
          <li key={item.key} className={item.ok ? "ok" : "missing"}>
            <span className="check" aria-hidden="true">{item.ok ? "✓" : "✗"}</span>
            <span>
              <strong>{CHECKLIST_LABELS[item.key].label}</strong> <span className="visually-hidden">{item.ok ? "đạt" : "thiếu"}</span>
              <span className="small muted"> — {item.ok ? item.evidence[0] ?? "có" : CHECKLIST_LABELS[item.key].hint}</span>
            </span>
          </li>
        ))}
      </ul>

      <h3>Định hướng của tháng</h3>
      {directives.length ? (
        <ul className="directives">
          {directives.map((result) => (
            <li key={result.guidanceId}>
              <Badge tone={DIRECTIVE_TONES[result.status]}>{DIRECTIVE_LABELS[result.status]}</Badge> {result.title}
              {result.evidence ? <div className="small muted">“{result.evidence}”</div> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="small muted">Chưa có định hướng nào cho kỳ này.</p>
      )}

      <h3>Độ giống</h3>
      <ul className="similar">
        {analysis.previous ? (
          <li>
            Với dự thảo tháng trước của chi bộ: <strong className={analysis.previous.score >= 0.7 ? "text-bad" : ""}>{formatPercent(analysis.previous.score)}</strong>{" "}
            <Link href={`${base}?view=compare&with=previous`}>Đối chiếu</Link>
          </li>
        ) : (
          <li className="muted">Không có dự thảo tháng trước để so sánh.</li>
        )}
        {similar.length ? (
          similar.map((entry) => (
            <li key={entry.compareRef}>
              {entry.branch ? (
                <>
                  {entry.branch.name}
                  {entry.branch.wardName ? <span className="muted small"> · {entry.branch.wardName}</span> : null}
                </>
              ) : (
                <span>Một chi bộ ngoài phạm vi của bạn</span>
              )}
              : <strong className={entry.score >= templateThreshold ? "text-bad" : ""}>{formatPercent(entry.score)}</strong>
              <span className="small muted"> · {entry.passages.length} đoạn trùng</span> <Link href={`${base}?view=compare&with=${entry.compareRef}`}>Đối chiếu</Link>
            </li>
          ))
        ) : (
          <li className="muted">Không có dự thảo nào cùng kỳ giống từ 15% trở lên.</li>
        )}
      </ul>
    </div>
  );
}
