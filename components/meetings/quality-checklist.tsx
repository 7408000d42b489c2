import { Badge, type BadgeTone } from "@/components/ui/badge";
import { CRITERION_STATE_LABELS, type CriterionResult, type CriterionState } from "@/lib/meetings/quality";

const TONE: Record<CriterionState, BadgeTone> = { MET: "ok", NOT_MET: "bad", UNKNOWN: "neutral" };

export const VERDICT_LABELS: Record<CriterionState, string> = {
  MET: "Đạt các tiêu chí chất lượng",
  NOT_MET: "Chưa đạt tiêu chí chất lượng",
  UNKNOWN: "Chưa đủ thông tin để đánh giá",
};

/** A meeting's quality checklist: each criterion with its state and why. */
export function QualityChecklist({ checklist, verdict, headingId }: { checklist: CriterionResult[]; verdict: CriterionState; headingId: string }) {
  return (
    <section className="quality" aria-labelledby={headingId}>
      <div className="quality-header">
        <h3 id={headingId}>Tiêu chí chất lượng</h3>
        <Badge tone={TONE[verdict]}>{VERDICT_LABELS[verdict]}</Badge>
      </div>
      <ul className="quality-list">
        {checklist.map((criterion) => (
          <li key={criterion.key} className={`quality-${criterion.state.toLowerCase()}`}>
            <Badge tone={TONE[criterion.state]}>{CRITERION_STATE_LABELS[criterion.state]}</Badge>
            <span className="quality-label">{criterion.label}</span>
            <span className="small muted quality-reason">{criterion.reason}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
