import Link from "next/link";
import type { FormState } from "@/lib/actions/form-state";
import type { compareDraft, DraftDetail, parseCompareTarget } from "@/lib/drafts/get-draft-detail";
import { formatDateTime } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { DraftReader } from "./draft-reader";
import { DiffView } from "./diff-view";
import { CompareView } from "./compare-view";

type Action = (state: FormState, data: FormData) => Promise<FormState>;
type Version = DraftDetail["versions"][number];

/** The three ways to read a draft: its text, the changes between two versions, side by side with another draft. */
export type DraftView = "text" | "diff" | "compare";

type TabsProps = { base: string; view: DraftView; compareWith: string | undefined; topSimilarRef: string | undefined };

export function DraftViewTabs({ base, view, compareWith, topSimilarRef }: TabsProps) {
  const tab = (key: string, label: string, href: string, active: boolean) => (
    <Link key={key} href={href} className="tab" aria-current={active ? "page" : undefined}>
      {label}
    </Link>
  );
  return (
    <nav className="tabs" aria-label="Cách xem">
      {tab("text", "Nội dung", `${base}?view=text`, view === "text")}
      {tab("diff", "Thay đổi giữa các phiên bản", `${base}?view=diff`, view === "diff")}
      {tab("prev", "Đối chiếu tháng trước", `${base}?view=compare&with=previous`, view === "compare" && (compareWith ?? "previous") === "previous")}
      {topSimilarRef ? tab("sim", "Đối chiếu bản giống nhất", `${base}?view=compare&with=${topSimilarRef}`, view === "compare" && (compareWith === topSimilarRef || compareWith === "similar")) : null}
    </nav>
  );
}

type TextProps = { detail: DraftDetail; viewed: Version; base: string; canComment: boolean; canReview: boolean; action: Action };

/** One version's text with the open comments highlighted on their passage; selecting text starts a comment. */
export function DraftTextView({ detail, viewed, base, canComment, canReview, action }: TextProps) {
  const highlights = detail.comments
    .filter((comment) => comment.parentId === null && comment.located && !comment.resolvedAt)
    .map((comment) => ({ start: comment.located!.start, end: comment.located!.end, className: comment.published ? "c-open" : "c-private", href: `#c-${comment.id}`, title: comment.body.slice(0, 120) }));
  return (
    <>
      <nav className="version-switch" aria-label="Phiên bản">
        {detail.versions.map((version) => (
          <Link key={version.versionNo} href={`${base}?view=text&v=${version.versionNo}`} aria-current={version.versionNo === viewed.versionNo ? "page" : undefined} className="button button-secondary button-small">
            Phiên bản {version.versionNo}
          </Link>
        ))}
      </nav>
      <p className="small muted">
        Phiên bản {viewed.versionNo}: {viewed.submittedBy} nộp lúc {formatDateTime(viewed.submittedAt)} · {formatNumber(viewed.wordCount)} chữ
        {viewed.versionNo !== detail.draft.currentVersionNo ? <strong> · không phải bản hiện tại</strong> : null}
      </p>
      <DraftReader
        draftId={detail.draft.id}
        versionNo={viewed.versionNo}
        body={viewed.body}
        highlights={highlights}
        canComment={canComment}
        canSuggest={canReview}
        privateUntilReview={canReview}
        action={action}
      />
    </>
  );
}

type DiffProps = { versions: Version[]; from: number; to: number; before: Version | undefined; after: Version | undefined };

/** Word differences between two versions, with the pair chosen in the URL (a plain GET form). */
export function DraftDiffView({ versions, from, to, before, after }: DiffProps) {
  if (versions.length < 2) return <p className="muted">Dự thảo mới có một phiên bản.</p>;
  return (
    <>
      <form method="get" className="filters">
        <input type="hidden" name="view" value="diff" />
        <div className="field">
          <label htmlFor="from">Từ phiên bản</label>
          <select id="from" name="from" defaultValue={String(from)}>
            {versions.map((version) => (
              <option key={version.versionNo} value={version.versionNo}>{version.versionNo}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="to">Đến phiên bản</label>
          <select id="to" name="to" defaultValue={String(to)}>
            {versions.map((version) => (
              <option key={version.versionNo} value={version.versionNo}>{version.versionNo}</option>
            ))}
          </select>
        </div>
        <button className="button button-secondary" type="submit">So sánh</button>
      </form>
      {before && after ? <DiffView before={before.body} after={after.body} fromNo={before.versionNo} toNo={after.versionNo} /> : <p className="muted">Không có phiên bản này.</p>}
    </>
  );
}

type ComparisonProps = { comparison: Awaited<ReturnType<typeof compareDraft>>; target: ReturnType<typeof parseCompareTarget> };

/** The current version beside the branch's previous month or another draft of the period, or why there is none. */
export function DraftComparisonView({ comparison, target }: ComparisonProps) {
  return comparison ? (
    <CompareView {...comparison} title={target === "previous" ? "So với dự thảo tháng trước của chi bộ" : "So với dự thảo cùng kỳ"} />
  ) : (
    <p className="muted">{target === "previous" ? "Chi bộ không có dự thảo tháng trước." : "Không có dự thảo để đối chiếu."}</p>
  );
}
