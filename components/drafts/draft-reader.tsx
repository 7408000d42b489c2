"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { DraftText, type Highlight } from "./draft-text";
import { selectedPassage, type SelectedPassage } from "./selection";

/** How long the selection must stay unchanged (keyboard, touch handles) before the comment box follows it. */
const SETTLE_MS = 350;

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

  // The comment box opens once the selection has settled: after the mouse
  // button is released (while it is down, the selection is still growing), or
  // a moment after the last change made by the keyboard or a phone's
  // selection handles (which send no pointer events). It never takes the
  // focus: that would collapse the selection being made.
  useEffect(() => {
    if (!canComment) return;
    let mouseDown = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      clearTimeout(timer);
      if (!container.current) return;
      const found = selectedPassage(container.current, body);
      if (found) setPassage((current) => (current && current.start === found.start && current.end === found.end ? current : found));
    };
    const onSelectionChange = () => {
      clearTimeout(timer);
      if (!mouseDown) timer = setTimeout(update, SETTLE_MS);
    };
    const onPointerDown = (event: PointerEvent) => {
      if (event.pointerType === "mouse" && event.button === 0) mouseDown = true;
    };
    const onPointerUp = (event: PointerEvent) => {
      if (event.pointerType !== "mouse" || !mouseDown) return;
      mouseDown = false;
      // Let a double or triple click finish extending the selection first.
      clearTimeout(timer);
      timer = setTimeout(update, 0);
    };
    // Listening from here on (after hydration): tests and tools can tell the text is ready for selection.
    container.current?.setAttribute("data-ready", "true");
    document.addEventListener("selectionchange", onSelectionChange);
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("pointerup", onPointerUp);
    document.addEventListener("pointercancel", onPointerUp);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("selectionchange", onSelectionChange);
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("pointerup", onPointerUp);
      document.removeEventListener("pointercancel", onPointerUp);
    };
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
                <textarea id="passage-comment" name="body" rows={3} required maxLength={5000} aria-invalid={state.fieldErrors?.body ? true : undefined} />
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
