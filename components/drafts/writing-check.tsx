"use client";

import { useDeferredValue, useMemo } from "react";
import { assessGrounding, CHECKLIST_LABELS } from "@/lib/drafts/analyzer/checklist";
import { checkDirectives, type GuidanceTopic } from "@/lib/drafts/analyzer/directives";
import { foldText } from "@/lib/drafts/analyzer/text";
import { addMonths, type Period } from "@/lib/periods/period";
import { formatPeriod } from "@/lib/format/date";

const DIRECTIVE_WORDS = { ADDRESSED: "đã cụ thể hóa", RESTATED: "mới nhắc lại, chưa có người, thời hạn, số liệu hoặc địa điểm", MISSING: "chưa có trong dự thảo" } as const;

const DATE = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])|tháng\s+(\d{1,2})\s*(?:\/|năm)\s*(\d{4})/giu;

/**
 * Dates written in the draft that do not fit its period: a resolution for
 * month N assesses month N−1 and plans month N (written in N−1), so a date
 * outside N−2 … N+1 is most likely a slip (last year's text, a wrong month).
 */
export function datesOutsidePeriod(body: string, period: Period): string[] {
  const allowed = new Set([addMonths(period, -2), addMonths(period, -1), period, addMonths(period, 1)]);
  const odd: string[] = [];
  for (const match of body.normalize("NFC").matchAll(DATE)) {
    const month = Number(match[2] ?? match[4]);
    const year = Number(match[3] ?? match[5]);
    if (month < 1 || month > 12) continue;
    const at = `${year}-${String(month).padStart(2, "0")}`;
    if (!allowed.has(at) && !odd.includes(match[0])) odd.push(match[0]);
  }
  return odd;
}

/** What the check finds missing in a text, in the words shown before the submit button. */
export function writingGaps(body: string, guidance: GuidanceTopic[]): string[] {
  const folded = foldText(body);
  const missing = assessGrounding(body, folded).filter((item) => !item.ok).map((item) => CHECKLIST_LABELS[item.key].label.toLowerCase());
  const topics = checkDirectives(body, guidance, folded).filter((result) => result.status !== "ADDRESSED").map((result) => `định hướng “${result.title}”`);
  return [...missing, ...topics];
}

/** The question about dates that do not fit the period, or null. */
export function datesQuestion(body: string, period: Period): string | null {
  const odd = datesOutsidePeriod(body, period);
  if (!odd.length) return null;
  return `Dự thảo ${formatPeriod(period).toLowerCase()} có ghi ${odd.slice(0, 3).join(", ")}${odd.length > 3 ? "…" : ""} — không thuộc thời gian của kỳ này. Có đúng không, hay chép từ văn bản cũ?`;
}

/**
 * Beside the editor: the month's guidance that applies to the branch and the
 * criteria the board reads a draft by, checked on the text as it is typed —
 * the same analysis the board sees after submission, before it is sent.
 */
export function WritingCheck({ body, guidance, periodLabel }: { body: string; guidance: GuidanceTopic[]; periodLabel: string }) {
  const text = useDeferredValue(body);
  const { checklist, directives } = useMemo(() => {
    const folded = foldText(text);
    return { checklist: assessGrounding(text, folded), directives: checkDirectives(text, guidance, folded) };
  }, [text, guidance]);
  return (
    <aside className="card writing-check" aria-labelledby="writing-check-title">
      <h2 id="writing-check-title">Định hướng và tiêu chí {periodLabel.toLowerCase()}</h2>
      <h3>Định hướng tháng</h3>
      {guidance.length ? (
        <ul className="plain-list">
          {guidance.map((topic) => {
            const result = directives.find((candidate) => candidate.guidanceId === topic.id);
            const ok = result?.status === "ADDRESSED";
            return (
              <li key={topic.id}>
                <span aria-hidden="true" className={ok ? "text-ok-mark" : "text-bad"}>{ok ? "✓" : "✗"}</span> <strong>{topic.title}</strong>
                {topic.details ? <div className="small muted">{topic.details}</div> : null}
                <div className="small">{result ? DIRECTIVE_WORDS[result.status] : null}</div>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="small muted">Cấp trên chưa gửi định hướng cho kỳ này.</p>
      )}
      <h3>Tiêu chí sát thực tế</h3>
      <ul className="plain-list">
        {checklist.map((item) => (
          <li key={item.key}>
            <span aria-hidden="true" className={item.ok ? "text-ok-mark" : "text-bad"}>{item.ok ? "✓" : "✗"}</span> <strong>{CHECKLIST_LABELS[item.key].label}</strong>
            <span className="visually-hidden">{item.ok ? ": đạt" : ": chưa đạt"}</span>
            {!item.ok ? <div className="small muted">{CHECKLIST_LABELS[item.key].hint}</div> : null}
          </li>
        ))}
      </ul>
    </aside>
  );
}
