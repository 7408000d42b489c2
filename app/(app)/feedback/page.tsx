import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import type { SearchParams } from "@/lib/validation/page-params";
import { can } from "@/lib/auth/permissions";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { now } from "@/lib/clock";
import { listFeedback, summarizeUnacknowledged } from "@/lib/drafts/list-feedback";
import { countOpenFeedback } from "@/lib/drafts/feedback-counts";
import { remindersFor, type ReminderView } from "@/lib/drafts/reminders";
import { DECISION_LABELS, FLAG_LABELS, RESUBMISSION_LABELS, RESUBMISSION_TONES, type DraftFlagKey } from "@/lib/drafts/labels";
import { getScopeRoot, listChildUnits } from "@/lib/org/org-units";
import { addMonths, currentPeriod } from "@/lib/periods/period";
import { formatDateTime, formatPeriod, formatWaitingDays } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { Pagination, withQuery } from "@/components/ui/pagination";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { FeedbackCard } from "@/components/drafts/feedback-ack-form";
import { BulkAckForm, ReminderButton } from "@/components/drafts/reminder-button";
import { acknowledgeApprovalsAction, acknowledgeFeedbackAction, remindBranchAction, remindWardAction } from "./actions";
import { PeriodField } from "@/components/ui/period-field";

export const metadata = { title: "Phản hồi dự thảo" };

type Props = { searchParams: Promise<SearchParams> };

const PAGE_SIZE = 20;
const STATUS_TABS = [
  ["open", "Chưa xác nhận"],
  ["overdue", "Quá hạn"],
  ["acknowledged", "Đã xác nhận"],
  ["all", "Tất cả"],
] as const;

function reminded(view: ReminderView | undefined, whom: string) {
  if (!view) return null;
  return (
    <span className="small muted">
      {" "}
      · đã nhắc {whom} {view.count > 1 ? `${formatNumber(view.count)} lần, lần cuối ` : ""}lúc {formatDateTime(view.lastAt)} ({view.lastBy})
    </span>
  );
}

/** The ward committee's inbox of decisions and comments on its branches' drafts; the board sees who has not acknowledged and reminds them. */
export default async function FeedbackPage({ searchParams }: Props) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "feedback.read")) return <ForbiddenPage />;
  const query = await searchParams;
  const result = await listFeedback(actor, { pageSize: PAGE_SIZE, ...query }).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ValidationError) return listFeedback(actor, { pageSize: PAGE_SIZE });
    throw error;
  });
  const canAck = can(actor.role, "feedback.ack");
  const canRemindWard = can(actor.role, "feedback.remind");
  const canRemindBranch = can(actor.role, "draft.remind");
  const root = await getScopeRoot(actor);
  const at = now();
  const recent = new Date(at.getTime() - 30 * 86_400_000);
  const [waiting, counts, units, reminders, remindedMe] = await Promise.all([
    canAck ? null : summarizeUnacknowledged(actor),
    countOpenFeedback(actor),
    listChildUnits(actor, root.id),
    remindersFor(actor, { draftIds: result.items.filter((item) => item.resubmission).map((item) => item.draftId), since: recent }),
    // The ward committee sees the board's reminders to its ward.
    canAck && root.level === "WARD" ? remindersFor(actor, { orgUnitIds: [root.id], since: recent }) : null,
  ]);
  const wardReminders = waiting?.wards.length ? await remindersFor(actor, { orgUnitIds: waiting.wards.map((ward) => ward.wardId), since: recent }) : null;
  const { filter } = result;
  const unitLabel = root.level === "WARD" ? "Chi bộ" : root.level === "DISTRICT" ? "Phường" : "Đơn vị";
  const latest = addMonths(currentPeriod(at), 1);
  const periods = Array.from({ length: 13 }, (_, i) => addMonths(latest, -i));
  const filters = { period: filter.period, orgUnitId: filter.orgUnitId, decision: filter.decision };
  const openApprovals = result.items.filter((item) => item.decision === "APPROVED" && !item.acknowledgedAt);
  const mine = remindedMe?.byUnit.get(root.id);

  return (
    <>
      <PageHeader
        title={canAck ? "Phản hồi của Ban Tổ chức" : "Phản hồi gửi Đảng ủy phường"}
        description={canAck ? "Quyết định và góp ý về dự thảo của các chi bộ trong phường. Xác nhận đã nhận và trả lời để Ban Tổ chức biết phường đã xử lý." : `Yêu cầu chỉnh sửa phường chưa xác nhận quá ${formatNumber(result.ackDays)} ngày là quá hạn.`}
      />
      {mine ? (
        <div className="alert alert-warn" role="status">
          <strong>{mine.lastBy} nhắc lúc {formatDateTime(mine.lastAt)}:</strong> {mine.lastMessage}
        </div>
      ) : null}
      {waiting && waiting.wards.length ? (
        <section className="card">
          <h2>Phường chưa xác nhận</h2>
          <ul className="plain-list waiting-wards">
            {waiting.wards.map((ward) => (
              <li key={ward.wardId}>
                <div>
                  <Link href={withQuery("/feedback", { status: "open", orgUnitId: ward.wardId, decision: "CHANGES_REQUESTED" })}>
                    <strong>{ward.wardName}</strong>
                  </Link>
                  : {formatNumber(ward.open)} yêu cầu chỉnh sửa chưa xác nhận{ward.overdue ? <span className="text-bad"> ({formatNumber(ward.overdue)} quá hạn)</span> : null}, lâu nhất {formatWaitingDays(ward.oldestDays)}
                  {reminded(wardReminders?.byUnit.get(ward.wardId), "phường")}
                </div>
                {canRemindWard ? <ReminderButton action={remindWardAction} hidden={{ wardId: ward.wardId }} label={`Nhắc ${ward.wardName}`} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="feedback-counts">
        <strong>{formatNumber(counts.open)} chưa xác nhận</strong> · <span className={counts.overdue ? "text-bad" : undefined}>{formatNumber(counts.overdue)} quá hạn</span>{" "}
        <span className="small muted">(mọi kỳ; yêu cầu chỉnh sửa chờ quá {formatNumber(counts.ackDays)} ngày là quá hạn)</span>
      </p>
      <form className="filters card section" method="get" role="search" aria-label="Lọc phản hồi">
        <input type="hidden" name="status" value={filter.status} />
        {units.length > 1 || units[0]?.id !== root.id ? (
          <div className="field">
            <label htmlFor="fb-unit">{unitLabel}</label>
            <select id="fb-unit" name="orgUnitId" defaultValue={filter.orgUnitId ? String(filter.orgUnitId) : ""}>
              <option value="">Tất cả</option>
              {units.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <PeriodField id="fb-period" anyLabel="Tất cả các kỳ" periods={periods} value={filter.period ?? ""} />
        <div className="field">
          <label htmlFor="fb-decision">Quyết định</label>
          <select id="fb-decision" name="decision" defaultValue={filter.decision ?? ""}>
            <option value="">Tất cả</option>
            <option value="CHANGES_REQUESTED">{DECISION_LABELS.CHANGES_REQUESTED}</option>
            <option value="APPROVED">{DECISION_LABELS.APPROVED}</option>
          </select>
        </div>
        <button className="button button-secondary" type="submit">
          Lọc
        </button>
      </form>
      <nav className="tabs section" aria-label="Trạng thái phản hồi">
        {STATUS_TABS.map(([value, label]) => (
          <Link key={value} className="tab" href={withQuery("/feedback", { ...filters, status: value })} aria-current={filter.status === value ? "page" : undefined}>
            {label}
          </Link>
        ))}
      </nav>
      {canAck && filter.status !== "acknowledged" && filter.decision !== "CHANGES_REQUESTED" ? <BulkAckForm action={acknowledgeApprovalsAction} count={openApprovals.length} /> : null}
      {result.items.length === 0 ? <div className="card empty">Không có phản hồi nào.</div> : null}
      <ol className="feedback-list">
        {result.items.map((item) => {
          const bulk = canAck && item.decision === "APPROVED" && !item.acknowledgedAt;
          const resubmission = item.resubmission;
          return (
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
              headerExtra={
                bulk ? (
                  <label className="bulk-pick">
                    <input type="checkbox" form="bulk-ack" name={`ack.${item.id}`} value="1" /> Chọn
                  </label>
                ) : null
              }
            >
              <p>
                <strong>{item.reviewerName}</strong> <span className="muted small">· phiên bản {item.versionNo} · {formatDateTime(item.createdAt)}</span>
              </p>
              <p>{item.summary}</p>
              {item.flags.length ? <p className="small">Cờ: {item.flags.map((flag) => FLAG_LABELS[flag as DraftFlagKey] ?? flag).join(", ")}</p> : null}
              {resubmission ? (
                <div className="resubmission small">
                  <Badge tone={RESUBMISSION_TONES[resubmission.state]}>{RESUBMISSION_LABELS[resubmission.state]}</Badge> hạn chi bộ nộp lại {formatDateTime(resubmission.dueAt)}
                  {reminded(reminders.byDraft.get(item.draftId), "chi bộ")}
                  {canRemindBranch && (resubmission.state === "DUE" || resubmission.state === "OVERDUE") ? <ReminderButton action={remindBranchAction} hidden={{ draftId: item.draftId }} label="Nhắc chi bộ nộp lại" /> : null}
                </div>
              ) : null}
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
          );
        })}
      </ol>
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} hrefFor={(page) => withQuery("/feedback", { ...filters, status: filter.status, page })} />
    </>
  );
}
