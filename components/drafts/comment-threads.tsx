import type { FormState } from "@/lib/actions/form-state";
import type { DetailComment } from "@/lib/drafts/get-draft-detail";
import { ROLE_SHORT } from "@/lib/drafts/labels";
import { formatDateTime } from "@/lib/format/date";
import { Badge } from "@/components/ui/badge";
import { ReplyForm, ResolveForm, SuggestionDecision } from "./comment-forms";

type Action = (state: FormState, data: FormData) => Promise<FormState>;
type Props = {
  draftId: number;
  viewedVersionNo: number;
  comments: DetailComment[];
  canComment: boolean;
  canDecideSuggestions: boolean;
  actions: { reply: Action; resolve: Action; suggestion: Action };
};

function Body({ comment }: { comment: DetailComment }) {
  return (
    <>
      <div className="comment-meta">
        <strong>{comment.author.name}</strong> <span className="muted">· {ROLE_SHORT[comment.author.role] ?? comment.author.role} · {formatDateTime(comment.createdAt)}</span>
        {!comment.published ? <Badge tone="warn">Chưa gửi</Badge> : null}
      </div>
      <p className="comment-body">{comment.body}</p>
    </>
  );
}

/** Threads on the draft: anchored ones in text order (outdated where the passage no longer exists), then general ones. */
export function CommentThreads({ draftId, viewedVersionNo, comments, canComment, canDecideSuggestions, actions }: Props) {
  const roots = comments.filter((comment) => comment.parentId === null);
  const replies = (id: number) => comments.filter((comment) => comment.parentId === id);
  roots.sort((a, b) => (a.located?.start ?? Number.MAX_SAFE_INTEGER) - (b.located?.start ?? Number.MAX_SAFE_INTEGER) || a.id - b.id);
  if (!roots.length) return <p className="muted">Chưa có góp ý.</p>;
  return (
    <ol className="threads">
      {roots.map((root) => {
        const outdated = root.anchor && !root.located;
        return (
          <li key={root.id} id={`c-${root.id}`} className={`thread${root.resolvedAt ? " thread-resolved" : ""}`}>
            {root.anchor ? (
              <blockquote className={outdated ? "quote-outdated" : "quote"}>
                {outdated ? <Badge tone="neutral">Lỗi thời: đoạn này không còn trong phiên bản {viewedVersionNo}</Badge> : null}
                <span>{root.anchor.quote.length > 300 ? `${root.anchor.quote.slice(0, 300)}…` : root.anchor.quote}</span>
                <span className="muted small"> (phiên bản {root.versionNo})</span>
              </blockquote>
            ) : (
              <div className="muted small">Góp ý chung · phiên bản {root.versionNo}</div>
            )}
            <Body comment={root} />
            {root.suggestion ? (
              <div className="suggestion">
                <div className="small muted">Đề xuất thay bằng:</div>
                <ins>{root.suggestion}</ins>
                <div>
                  {root.suggestionStatus === "ACCEPTED" ? <Badge tone="ok">Chi bộ đã nhận</Badge> : root.suggestionStatus === "REJECTED" ? <Badge tone="neutral">Chi bộ không nhận</Badge> : <Badge tone="info">Chờ chi bộ</Badge>}
                </div>
                {canDecideSuggestions && root.suggestionStatus === "PENDING" && root.published ? <SuggestionDecision action={actions.suggestion} draftId={draftId} commentId={root.id} /> : null}
              </div>
            ) : null}
            {replies(root.id).map((reply) => (
              <div key={reply.id} className="reply-item" id={`c-${reply.id}`}>
                <Body comment={reply} />
              </div>
            ))}
            <div className="thread-actions">
              {root.resolvedAt ? <span className="small muted">Đã xử lý ({root.resolvedByName}, {formatDateTime(root.resolvedAt)})</span> : null}
              {canComment && root.published ? <ReplyForm action={actions.reply} draftId={draftId} parentId={root.id} /> : null}
              {canComment ? <ResolveForm action={actions.resolve} draftId={draftId} commentId={root.id} resolved={!!root.resolvedAt} /> : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
