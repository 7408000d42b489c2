import { apiRoute, readQuery, paged } from "@/lib/api/handler";
import { listFeedback } from "@/lib/drafts/list-feedback";
import { FeedbackFilterSchema } from "@/lib/drafts/schemas";
import { countOpenFeedback } from "@/lib/drafts/feedback-counts";

/** The ward committee's inbox: decisions and comments on its branches' drafts. */
export const GET = apiRoute({ permission: "feedback.read" }, async ({ request, actor }) => {
  const filter = readQuery(request, FeedbackFilterSchema);
  const [result, counts] = await Promise.all([listFeedback(actor, filter), countOpenFeedback(actor, { period: filter.period })]);
  const page = paged(
    result.items.map((item) => ({
      id: item.id,
      draftId: item.draftId,
      period: item.period,
      branch: item.branch,
      ward: item.ward,
      decision: item.decision,
      summary: item.summary,
      flags: item.flags,
      versionNo: item.versionNo,
      reviewer: item.reviewerName,
      createdAt: item.createdAt,
      acknowledgedAt: item.acknowledgedAt,
      acknowledgedBy: item.acknowledgedByName,
      reply: item.reply,
      waitingDays: item.waitingDays,
      overdue: item.overdue,
      comments: item.comments,
    })),
    result.total,
    result.page,
    result.pageSize,
  );
  // The same counts as the home page and the feedback page (every period, or the one asked for).
  return { ...page, open: counts.open, overdue: counts.overdue };
});
