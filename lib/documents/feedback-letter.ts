import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getDraftDetail } from "@/lib/drafts/get-draft-detail";
import { DECISION_LABELS, FLAG_LABELS, type DraftFlagKey } from "@/lib/drafts/labels";
import { ConflictError } from "@/lib/errors";
import { formatDate, formatPeriod } from "@/lib/format/date";
import type { Block } from "./official-document";

export type FeedbackLetterFigures = {
  draft: { id: number; title: string; period: string; versionNo: number };
  branch: { id: number; name: string };
  ward: { id: number; name: string } | null;
  review: { decision: "APPROVED" | "CHANGES_REQUESTED"; summary: string; flags: DraftFlagKey[]; reviewerName: string; createdAt: string };
  comments: { quote: string | null; body: string; suggestion: string | null }[];
};

/** The board's latest decision on a draft and its published comments on that version, as the draft page shows them. */
export async function collectFeedbackLetterFigures(actor: Actor, draftId: number): Promise<FeedbackLetterFigures> {
  const detail = await getDraftDetail(actor, draftId);
  const review = detail.reviews[detail.reviews.length - 1];
  if (!review) throw new ConflictError("Dự thảo chưa được xem xét nên chưa có ý kiến để gửi.");
  const comments = detail.comments.filter((comment) => comment.published && comment.parentId === null && comment.versionNo === review.versionNo && comment.reviewId !== null);
  return {
    draft: { id: detail.draft.id, title: detail.draft.title, period: detail.draft.period, versionNo: review.versionNo },
    branch: { id: detail.branch.id, name: detail.branch.name },
    ward: detail.ward ? { id: detail.ward.id, name: detail.ward.name } : null,
    review: { decision: review.decision, summary: review.summary, flags: review.flags, reviewerName: review.reviewerName, createdAt: review.createdAt.toISOString() },
    comments: comments.map((comment) => ({ quote: comment.anchor?.quote ?? null, body: comment.body, suggestion: comment.suggestion })),
  };
}

export function feedbackLetterBody(figures: FeedbackLetterFigures): { summary: string; addressees: string[]; blocks: Block[] } {
  const month = formatPeriod(figures.draft.period).toLowerCase();
  const blocks: Block[] = [
    {
      kind: "paragraph",
      text: `Dự thảo nghị quyết ${month} của ${figures.branch.name} (“${figures.draft.title}”, phiên bản ${figures.draft.versionNo}) đã được xem xét ngày ${formatDate(figures.review.createdAt)}. Kết luận: ${DECISION_LABELS[figures.review.decision].toLowerCase()}.`,
    },
    { kind: "heading", text: "1. Ý kiến chung" },
    { kind: "paragraph", text: figures.review.summary || "Không có ý kiến chung." },
  ];
  if (figures.review.flags.length) {
    blocks.push({ kind: "paragraph", text: `Những điểm dự thảo cần khắc phục: ${figures.review.flags.map((flag) => FLAG_LABELS[flag].toLowerCase()).join("; ")}.` });
  }
  if (figures.comments.length) {
    blocks.push({ kind: "heading", text: "2. Ý kiến cụ thể" });
    figures.comments.forEach((comment, index) => {
      if (comment.quote) blocks.push({ kind: "quote", source: `Đoạn ${index + 1}`, text: comment.quote });
      blocks.push({ kind: "paragraph", text: `${comment.quote ? "" : `Ý kiến ${index + 1}: `}${comment.body}${comment.suggestion ? ` Đề nghị sửa thành: “${comment.suggestion}”.` : ""}` });
    });
  }
  blocks.push({
    kind: "paragraph",
    text:
      figures.review.decision === "CHANGES_REQUESTED"
        ? "Đề nghị đảng ủy phường chỉ đạo chi bộ tiếp thu, hoàn chỉnh dự thảo trước khi thông qua tại hội nghị chi bộ và báo cáo kết quả."
        : "Đề nghị đảng ủy phường thông báo để chi bộ hoàn chỉnh và thông qua nghị quyết tại hội nghị chi bộ.",
  });
  const addressees = [figures.ward ? `Đảng ủy ${figures.ward.name}` : null, figures.branch.name].filter((value): value is string => !!value);
  return { summary: `góp ý dự thảo nghị quyết ${month} của ${figures.branch.name}`, addressees, blocks };
}
