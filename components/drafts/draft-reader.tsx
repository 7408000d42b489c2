"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { DraftText, type Highlight } from "./draft-text";
import { selectedPassage, type SelectedPassage } from "./selection";

type Props = {
  draftId: number;
  versionNo: number;
  body: string;
  highlights: Highlight[];
  canComment: boolean;
  canSuggest: boolean;
  /** Reviewers' new comments stay private until their review is sent. */
  privateUntilReview: boolean;
  action: (state: FormState, data: FormData) => Promise<FormState>;
};

/** The text of a version; select a passage to comment on it (and, for reviewers, propose replacement text). */
export function DraftReader({ draftId, versionNo, body, highlights, canComment, canSuggest, privateUntilReview, action }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [passage, setPassage] = useState<SelectedPassage | null>(null);
  const [state, formAction] = useActionState(action, IDLE);
  const [handled, setHandled] = useState<FormState | null>(null);

  useEffect(() => {
    if (!canComment) return;
    const update = () => {
      if (!container.current) return;
      const found = selectedPassage(container.current, body);
      if (found) setPassage(found);
    };
    document.addEventListener("selectionchange", update);
    return () => document.removeEventListener("selectionchange", update);
  }, [body, canComment]);

  if (state !== handled && state.status === "success") {
    setHandled(state);
    setPassage(null);
  }

  return (
    <div className="reader-wrap">
      <div ref={container} className="reader" aria-label={`Nội dung phiên bản ${versionNo}`}>
        <DraftText body={body} highlights={highlights} />
      </div>
      {canComment ? (
        <div className="composer" aria-live="polite">
          {passage ? (
            <form action={formAction} className="form composer-form">
              <input type="hidden" name="draftId" value={draftId} />
              <input type="hidden" name="versionNo" value={versionNo} />
              <input type="hidden" name="anchorStart" value={passage.start} />
              <input type="hidden" name="anchorEnd" value={passage.end} />
              <input type="hidden" name="anchorQuote" value={passage.quote} />
              <div className="composer-quote">
                <span className="muted small">Góp ý cho đoạn:</span>
                <q>{passage.quote.length > 240 ? `${passage.quote.slice(0, 240)}…` : passage.quote}</q>
              </div>
              <FormMessage state={state.status === "error" ? state : IDLE} />
              <div className="field">
                <label htmlFor="passage-comment">Nội dung góp ý</label>
                <textarea id="passage-comment" name="body" rows={3} required maxLength={5000} autoFocus aria-invalid={state.fieldErrors?.body ? true : undefined} />
                {state.fieldErrors?.body ? <div className="field-error">{state.fieldErrors.body.join(" ")}</div> : null}
              </div>
              {canSuggest ? (
                <div className="field">
                  <label htmlFor="passage-suggestion">Đề xuất thay bằng (không bắt buộc)</label>
                  <textarea id="passage-suggestion" name="suggestion" rows={2} maxLength={5000} defaultValue="" placeholder="Chi bộ nhận hoặc không nhận đề xuất bằng một nút bấm." />
                </div>
              ) : null}
              <div className="actions-row">
                <SubmitButton pendingLabel="Đang lưu…">{privateUntilReview ? "Lưu góp ý (gửi cùng quyết định)" : "Gửi góp ý"}</SubmitButton>
                <button type="button" className="button button-secondary" onClick={() => setPassage(null)}>
                  Bỏ chọn
                </button>
              </div>
            </form>
          ) : (
            <p className="muted small composer-hint">Bôi đen một đoạn văn để góp ý vào đúng đoạn đó{privateUntilReview ? "; góp ý của bạn chỉ gửi đi cùng quyết định xem xét" : ""}.</p>
          )}
          {state.status === "success" && state.message ? <div className="alert alert-success" role="status">{state.message}</div> : null}
        </div>
      ) : null}
    </div>
  );
}
