import Link from "next/link";
import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { ValidationError } from "@/lib/errors";
import { listFeedback, summarizeUnacknowledged } from "@/lib/drafts/list-feedback";
import { DECISION_LABELS, FLAG_LABELS, type DraftFlagKey } from "@/lib/drafts/labels";
import { formatDateTime, formatPeriod, formatWaitingDays } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { Pagination, withQuery } from "@/components/ui/pagination";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { FeedbackCard } from "@/components/drafts/feedback-ack-form";
import { acknowledgeFeedbackAction } from "./actions";

export const metadata = { title: "Phản hồi dự thảo" };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

/** The ward committee's inbox of decisions and comments on its branches' drafts; the board sees who has not acknowledged. */
export default async function FeedbackPage({ searchParams }: Props) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "feedback.read")) return <ForbiddenPage />;
  const query = await searchParams;
  const result = await listFeedback(actor, query).catch((error) => {
    if (error instanceof ValidationError) return listFeedback(actor, {});
    throw error;
  });
  const canAck = can(actor.role, "feedback.ack");
  const waiting = canAck ? null : await summarizeUnacknowledged(actor);
  const status = result.filter.status;
  const tab = (value: string, label: string) => (
    <Link key={value} className="tab" href={withQuery("/feedback", { status: value, period: result.filter.period })} aria-current={status === value ? "page" : undefined}>
      {label}
    </Link>
  );
  return (
    <>
      <PageHeader
        title={canAck ? "Phản hồi của Ban Tổ chức" : "Phản hồi gửi Đảng ủy phường"}
        description={canAck ? "Quyết định và góp ý về dự thảo của các chi bộ trong phường. Xác nhận đã nhận và trả lời để Ban Tổ chức biết phường đã xử lý." : `Yêu cầu chỉnh sửa phường chưa xác nhận quá ${formatNumber(result.ackDays)} ngày là quá hạn.`}
      />
      {waiting && waiting.wards.length ? (
        <section className="card">
          <h2>Phường chưa xác nhận</h2>
          <ul className="plain-list">
            {waiting.wards.map((ward) => (
              <li key={ward.wardId}>
                <strong>{ward.wardName}</strong>: {formatNumber(ward.open)} yêu cầu chỉnh sửa chưa xác nhận{ward.overdue ? <span className="text-bad"> ({formatNumber(ward.overdue)} quá hạn)</span> : null}, lâu nhất {formatWaitingDays(ward.oldestDays)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <nav className="tabs section" aria-label="Lọc phản hồi">
        {tab("open", "Chưa xác nhận")}
        {tab("acknowledged", "Đã xác nhận")}
        {tab("all", "Tất cả")}
      </nav>
      {result.items.length === 0 ? <div className="card empty">Không có phản hồi nào.</div> : null}
      <ol className="feedback-list">
        {result.items.map((item) => (
          <FeedbackCard
            key={item.id}
            action={acknowledgeFeedbackAction}
            feedbackId={item.id}
            title={
              <>
                <Link href={`/drafts/${item.draftId}`}>{item.branch.name}</Link> <span className="muted small">· {item.ward?.name} · {formatPeriod(item.period)}</span>
              </>
            }
            decisionBadge={<Badge tone={item.decision === "APPROVED" ? "ok" : "warn"}>{DECISION_LABELS[item.decision]}</Badge>}
            acknowledgedAt={item.acknowledgedAt}
            acknowledgedByName={item.acknowledgedByName}
            reply={item.reply}
            waitingDays={item.waitingDays}
            overdue={item.overdue}
            canAck={canAck}
          >
            <p>
              <strong>{item.reviewerName}</strong> <span className="muted small">· phiên bản {item.versionNo} · {formatDateTime(item.createdAt)}</span>
            </p>
            <p>{item.summary}</p>
            {item.flags.length ? <p className="small">Cờ: {item.flags.map((flag) => FLAG_LABELS[flag as DraftFlagKey] ?? flag).join(", ")}</p> : null}
            {item.comments.length ? (
              <ul className="feedback-comments">
                {item.comments.map((comment) => (
                  <li key={comment.id}>
                    {comment.quote ? <q>{comment.quote.length > 160 ? `${comment.quote.slice(0, 160)}…` : comment.quote}</q> : null} {comment.body}
                    {comment.suggestion ? <div className="small">Đề xuất: <ins>{comment.suggestion}</ins></div> : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </FeedbackCard>
        ))}
      </ol>
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} hrefFor={(page) => withQuery("/feedback", { status, period: result.filter.period, page })} />
    </>
  );
}
