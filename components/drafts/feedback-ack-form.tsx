"use client";

import { useActionState, type ReactNode } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { Badge } from "@/components/ui/badge";
import { formatDateTime, formatWaitingDays } from "@/lib/format/date";

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/**
 * The acknowledgement form. Before acknowledging: an optional reply and
 * "Xác nhận đã nhận". Afterwards the reply is something to add or change on
 * demand, folded away, not an empty box that looks like work left to do.
 */
function AckFields({ state, formAction, feedbackId, acknowledged, reply }: { state: FormState; formAction: (data: FormData) => void; feedbackId: number; acknowledged: boolean; reply: string | null }) {
  const done = acknowledged || state.status === "success";
  const currentReply = state.status === "success" ? (state.data?.reply as string | null | undefined) ?? reply : reply;
  const form = (
    <form action={formAction} className="form ack-form">
      <input type="hidden" name="feedbackId" value={feedbackId} />
      <FormMessage state={state.status === "error" ? state : IDLE} />
      <div className="field">
        <label htmlFor={`ack-reply-${feedbackId}`}>{done ? "Trả lời" : "Trả lời (không bắt buộc)"}</label>
        <textarea id={`ack-reply-${feedbackId}`} name="reply" rows={2} maxLength={5000} defaultValue={state.values?.reply ?? currentReply ?? ""} aria-describedby={`ack-reply-${feedbackId}-hint`} />
        <div className="field-hint" id={`ack-reply-${feedbackId}-hint`}>Ban Tổ chức và chi bộ nhận được trả lời này.</div>
        {state.fieldErrors?.reply ? <div className="field-error">{state.fieldErrors.reply.join(" ")}</div> : null}
      </div>
      <div>
        <SubmitButton pendingLabel="Đang gửi…">{done ? "Cập nhật trả lời" : "Xác nhận đã nhận"}</SubmitButton>
      </div>
    </form>
  );
  if (!done) return form;
  return (
    <details className="ack-edit" key={state.status === "success" ? `done-${state.message}-${currentReply}` : "edit"}>
      <summary>{currentReply ? "Sửa trả lời" : "Thêm trả lời"}</summary>
      {form}
    </details>
  );
}

/** The ward committee acknowledges feedback, with an optional reply for the board and the branch (draft page). */
export function FeedbackAckForm({ action, feedbackId, acknowledged, reply }: { action: Action; feedbackId: number; acknowledged: boolean; reply: string | null }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <>
      {state.status === "success" && state.message ? <div className="small alert alert-success" role="status">{state.message}</div> : null}
      <AckFields state={state} formAction={formAction} feedbackId={feedbackId} acknowledged={acknowledged} reply={reply} />
    </>
  );
}

type CardProps = {
  action: Action;
  feedbackId: number;
  title: ReactNode;
  decisionBadge: ReactNode;
  acknowledgedAt: Date | null;
  acknowledgedByName: string | null;
  reply: string | null;
  waitingDays: number | null;
  overdue: boolean;
  canAck: boolean;
  /** Extra controls in the header (the bulk-acknowledge checkbox, the reminder). */
  headerExtra?: ReactNode;
  children: ReactNode;
};

/**
 * One feedback item of the inbox. Its state follows the action: once the
 * ward acknowledges, the card reads "Đã xác nhận" at once and stays in place
 * (the list is not reloaded under the reader's eyes).
 */
export function FeedbackCard({ action, feedbackId, title, decisionBadge, acknowledgedAt, acknowledgedByName, reply, waitingDays, overdue, canAck, headerExtra, children }: CardProps) {
  const [state, formAction] = useActionState(action, IDLE);
  const justAcknowledged = state.status === "success" && !acknowledgedAt;
  const acknowledged = !!acknowledgedAt || justAcknowledged;
  const shownReply = state.status === "success" ? ((state.data?.reply as string | null | undefined) ?? reply) : reply;
  const by = (state.data?.acknowledgedByName as string | undefined) ?? acknowledgedByName;
  return (
    <li className={`card feedback-item${overdue && !acknowledged ? " feedback-overdue" : ""}`} data-state={acknowledged ? "acknowledged" : "open"}>
      <div className="card-header">
        <h2>{title}</h2>
        <div className="feedback-badges">
          {decisionBadge}{" "}
          {acknowledged ? (
            <Badge tone="ok">Đã xác nhận {justAcknowledged ? "vừa xong" : formatDateTime(acknowledgedAt)}</Badge>
          ) : (
            <Badge tone={overdue ? "bad" : "neutral"}>Chờ xác nhận {formatWaitingDays(waitingDays ?? 0)}</Badge>
          )}
          {headerExtra}
        </div>
      </div>
      {children}
      {shownReply ? (
        <blockquote className="ward-reply">
          {by ? `${by}: ` : null}
          {shownReply}
        </blockquote>
      ) : null}
      {state.status === "success" && state.message ? <div className="small alert alert-success" role="status">{state.message}</div> : null}
      {canAck ? <AckFields state={state} formAction={formAction} feedbackId={feedbackId} acknowledged={!!acknowledgedAt} reply={reply} /> : null}
    </li>
  );
}
