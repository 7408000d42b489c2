import { apiRoute, readQuery, paged } from "@/lib/api/handler";
import { listFeedback } from "@/lib/drafts/list-feedback";
import { FeedbackFilterSchema } from "@/lib/drafts/schemas";
import { countOpenFeedback } from "@/lib/drafts/feedback-counts";
import { feedbackItem } from "@/lib/drafts/api-shapes";

/** The ward committee's inbox: decisions and comments on its branches' drafts. */
export const GET = apiRoute({ permission: "feedback.read" }, async ({ request, actor }) => {
  const filter = readQuery(request, FeedbackFilterSchema);
  const [result, counts] = await Promise.all([listFeedback(actor, filter), countOpenFeedback(actor, { period: filter.period })]);
  const page = paged(
    result.items.map(feedbackItem),
    result.total,
    result.page,
    result.pageSize,
  );
  // The same counts as the home page and the feedback page (every period, or the one asked for).
  return { ...page, open: counts.open, overdue: counts.overdue };
});
