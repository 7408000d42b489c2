"use client";

import { useActionState, useDeferredValue, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { cleanPastedText } from "@/lib/drafts/skeleton";
import { MIN_DRAFT_WORDS } from "@/lib/drafts/schemas";
import { formatNumber } from "@/lib/format/number";
import { formatTime } from "@/lib/format/date";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { Badge } from "@/components/ui/badge";
import { useOfflineWorkingCopy } from "@/components/offline/use-offline-working-copy";
import type { GuidanceTopic } from "@/lib/drafts/analyzer/directives";
import { datesQuestion, WritingCheck, writingGaps } from "./writing-check";

type Action = (state: FormState, data: FormData) => Promise<FormState>;

export type CommentToAddress = { id: number; quote: string | null; body: string; author: string; suggestion: string | null; suggestionStatus: string | null; outdated: boolean };

type Props = {
  period: string;
  periodLabel: string;
  draftId: number | null;
  baseVersionNo: number;
  initialTitle: string;
  initialBody: string;
  savedAt: string | null;
  comments: CommentToAddress[];
  submitAction: Action;
  saveAction: Action;
  suggestionAction: Action;
  /** The month's guidance that applies to the branch, shown and checked beside the text. */
  guidance: GuidanceTopic[];
};

const WORD = /[\p{L}\p{N}]+/gu;
const countWords = (text: string) => text.match(WORD)?.length ?? 0;

/**
 * The secretary writes or revises the draft: plain text with headings and
 * lists (pasting from Word keeps paragraphs and turns bullets into "- "),
 * a live word count, and the unsent text saved on the server as they type.
 */
export function DraftEditor({ period, periodLabel, draftId, baseVersionNo, initialTitle, initialBody, savedAt, comments, submitAction, saveAction, suggestionAction, guidance }: Props) {
  const [title, setTitle] = useState(initialTitle);
  const [body, setBody] = useState(initialBody);
  const [saved, setSaved] = useState<{ at: string | null; error?: string; dirty: boolean }>({ at: savedAt, dirty: false });
  const [decided, setDecided] = useState<Record<number, boolean>>({});
  const [suggestionMessage, setSuggestionMessage] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const [state, formAction] = useActionState(submitAction, IDLE);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const submitting = useRef(false);
  useEffect(() => {
    submitting.current = false;
  }, [state]);
  const words = countWords(body);
  const { pending: unsentCopy, keep: keepCopy, drop: dropCopy } = useOfflineWorkingCopy(period, baseVersionNo, (copy) => {
    setTitle(copy.title);
    setBody(copy.body);
  });

  useEffect(() => {
    if (!saved.dirty) return;
    const timer = setTimeout(() => {
      const data = new FormData();
      data.set("period", period);
      data.set("title", title);
      data.set("body", body);
      data.set("baseVersionNo", String(baseVersionNo));
      startTransition(async () => {
        // No network: the text is kept in this browser and sent when the network is back.
        // A submission supersedes the working copy: a save it cut off is not kept.
        const keepOffline = () => (submitting.current ? undefined : keepCopy({ period, title, body, baseVersionNo }).then(() => setSaved({ at: null, dirty: false })));
        if (!navigator.onLine) return keepOffline();
        const result = await saveAction(IDLE, data).catch(() => null);
        if (!result) return keepOffline();
        if (result.status === "success") await dropCopy(period).catch(() => undefined);
        setSaved(result.status === "success" ? { at: String(result.data?.savedAt ?? new Date().toISOString()), dirty: false } : { at: null, error: result.message, dirty: false });
      });
    }, 1500);
    return () => clearTimeout(timer);
  }, [body, title, saved.dirty, period, baseVersionNo, saveAction, keepCopy, dropCopy]);

  const change = (next: string) => {
    setBody(next);
    setSaved((current) => ({ ...current, dirty: true }));
  };

  const onPaste = (event: React.ClipboardEvent<HTMLTextAreaElement>) => {
    const text = event.clipboardData.getData("text/plain");
    if (!text) return;
    event.preventDefault();
    const target = event.currentTarget;
    target.setRangeText(cleanPastedText(text), target.selectionStart, target.selectionEnd, "end");
    change(target.value);
  };

  const decide = (commentId: number, accept: boolean) => {
    if (!draftId) return;
    const data = new FormData();
    data.set("draftId", String(draftId));
    data.set("commentId", String(commentId));
    data.set("accept", accept ? "1" : "0");
    startTransition(async () => {
      const result = await suggestionAction(IDLE, data);
      setSuggestionMessage(result.message ?? null);
      if (result.status !== "success") return;
      setDecided((current) => ({ ...current, [commentId]: accept }));
      if (typeof result.data?.body === "string") {
        setBody(result.data.body);
        setSaved({ at: new Date().toISOString(), dirty: false });
      }
    });
  };

  return (
    <div className="editor-layout">
      <form action={formAction} className="form editor-form" noValidate onSubmit={() => (submitting.current = true)}>
        <input type="hidden" name="period" value={period} />
        <input type="hidden" name="expectedVersionNo" value={baseVersionNo} />
        <FormMessage state={state} />
        <div className="field">
          <label htmlFor="draft-title">Tiêu đề</label>
          <input
            id="draft-title"
            name="title"
            type="text"
            value={title}
            maxLength={300}
            onChange={(event) => {
              setTitle(event.target.value);
              setSaved((current) => ({ ...current, dirty: true }));
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="draft-body">Nội dung dự thảo {periodLabel.toLowerCase()}</label>
          <textarea
            id="draft-body"
            ref={textarea}
            name="body"
            value={body}
            rows={28}
            spellCheck
            onChange={(event) => change(event.target.value)}
            onPaste={onPaste}
            aria-invalid={state.fieldErrors?.body ? true : undefined}
            aria-describedby="draft-body-hint draft-body-status"
          />
          <div className="field-hint" id="draft-body-hint">
            Văn bản thường: dòng viết hoa hoặc bắt đầu bằng I., II. là đề mục; dòng bắt đầu bằng “- ” là một ý. Dán từ Word giữ nguyên các đoạn.
          </div>
          {state.fieldErrors?.body ? <div className="field-error">{state.fieldErrors.body.join(" ")}</div> : null}
          <div className="editor-status small" id="draft-body-status" aria-live="polite">
            <span className={words < MIN_DRAFT_WORDS ? "text-bad" : undefined}>{formatNumber(words)} chữ</span>
            {" · "}
            {saved.error ? <span className="text-bad">Chưa lưu được bản nháp: {saved.error}</span> : unsentCopy && !saved.dirty ? <span className="text-warn">Chưa gửi — sẽ gửi khi có mạng (bản nháp đã lưu trên máy này)</span> : saved.dirty ? "Đang chờ lưu nháp…" : saved.at ? `Đã tự lưu nháp lúc ${formatTime(saved.at)}` : "Bản nháp tự lưu khi bạn gõ"}
          </div>
        </div>
        <WritingGaps body={body} guidance={guidance} period={period} />
        <div className="actions-row">
          <SubmitButton pendingLabel="Đang nộp…">{baseVersionNo ? `Nộp phiên bản ${baseVersionNo + 1}` : "Nộp dự thảo"}</SubmitButton>
          <span className="small muted">Mỗi lần nộp tạo một phiên bản không sửa được; Ban Tổ chức và Đảng ủy phường xem được ngay.</span>
        </div>
      </form>
      <div className="editor-side">
      <WritingCheck body={body} guidance={guidance} periodLabel={periodLabel} />
      {comments.length ? (
        <aside className="card editor-comments">
          <h2>Góp ý cần sửa</h2>
          {suggestionMessage ? <div className="alert alert-info" role="status">{suggestionMessage}</div> : null}
          <ol className="threads">
            {comments.map((comment) => {
              const status = decided[comment.id] === undefined ? comment.suggestionStatus : decided[comment.id] ? "ACCEPTED" : "REJECTED";
              return (
                <li key={comment.id} className="thread">
                  {comment.quote ? <blockquote className={comment.outdated ? "quote-outdated" : "quote"}>{comment.quote}</blockquote> : null}
                  <div className="comment-meta">
                    <strong>{comment.author}</strong>
                  </div>
                  <p className="comment-body">{comment.body}</p>
                  {comment.suggestion ? (
                    <div className="suggestion">
                      <div className="small muted">Đề xuất thay bằng:</div>
                      <ins>{comment.suggestion}</ins>
                      {status === "PENDING" ? (
                        <div className="actions-row">
                          <button type="button" className="button button-small" onClick={() => decide(comment.id, true)}>Nhận đề xuất</button>
                          <button type="button" className="button button-secondary button-small" onClick={() => decide(comment.id, false)}>Không nhận</button>
                        </div>
                      ) : (
                        <Badge tone={status === "ACCEPTED" ? "ok" : "neutral"}>{status === "ACCEPTED" ? "Đã nhận vào bản đang soạn" : "Không nhận"}</Badge>
                      )}
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </aside>
      ) : null}
      </div>
    </div>
  );
}

/** The check before submitting: what the board will find missing, said next to the button (submitting stays possible). */
function WritingGaps({ body, guidance, period }: { body: string; guidance: GuidanceTopic[]; period: string }) {
  const text = useDeferredValue(body);
  const gaps = useMemo(() => writingGaps(text, guidance), [text, guidance]);
  const dates = useMemo(() => datesQuestion(text, period), [text, period]);
  return (
    <>
    {dates ? (
      <div className="alert alert-warn small" role="status">
        {dates}
      </div>
    ) : null}
    <div className={gaps.length ? "alert alert-warn small" : "alert alert-success small"} role="status" aria-live="polite">
      {gaps.length ? `Trước khi nộp: dự thảo còn thiếu ${gaps.join("; ")}. Vẫn nộp được; Ban Tổ chức đọc dự thảo theo các tiêu chí này.` : "Trước khi nộp: dự thảo đã có đủ các tiêu chí và cụ thể hóa các định hướng của tháng."}
    </div>
    </>
  );
}
