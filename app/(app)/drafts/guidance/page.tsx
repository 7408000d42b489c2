import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { addMonths } from "@/lib/periods/period";
import { readSearchParams, type SearchParams } from "@/lib/validation/page-params";
import { DraftPeriodPageParams } from "@/lib/drafts/schemas";
import { listGuidance } from "@/lib/drafts/guidance";
import { defaultReviewPeriod } from "@/lib/drafts/list-review-queue";
import { formatDateTime, formatPeriod } from "@/lib/format/date";
import { PageHeader } from "@/components/ui/page-header";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { GuidanceForm, WithdrawGuidanceButton } from "@/components/drafts/guidance-forms";
import { postGuidanceAction, withdrawGuidanceAction } from "./actions";
import { PeriodField } from "@/components/ui/period-field";

export const metadata = { title: "Định hướng của tháng" };

type Props = { searchParams: Promise<SearchParams> };

/** The month's guidance: the topics every branch should take up, posted by the board or a ward committee. */
export default async function GuidancePage({ searchParams }: Props) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "draft.read")) return <ForbiddenPage />;
  const query = readSearchParams(await searchParams, DraftPeriodPageParams).values;
  const reviewPeriod = await defaultReviewPeriod();
  const period = query.period ?? reviewPeriod;
  const items = await listGuidance(actor, period);
  const canPost = can(actor.role, "guidance.post");
  const periods = [addMonths(reviewPeriod, 1), reviewPeriod, addMonths(reviewPeriod, -1), addMonths(reviewPeriod, -2), addMonths(reviewPeriod, -3)];
  return (
    <>
      <PageHeader title={`Định hướng ${formatPeriod(period).toLowerCase()}`} description="Các nội dung chi bộ cần cụ thể hóa trong nghị quyết; máy đối chiếu từng dự thảo: đã cụ thể hóa, chỉ nhắc lại, hay chưa đề cập." />
      <form className="filters" method="get">
        <PeriodField id="g-period" className="field field-narrow" periods={periods} value={period} />
        <button className="button button-secondary" type="submit">Xem</button>
      </form>
      <div className="grid grid-2">
        <section className="card">
          <h2>Nội dung đã đăng</h2>
          {items.length === 0 ? <p className="muted">Chưa có định hướng cho kỳ này.</p> : null}
          <ol className="guidance-list">
            {items.map((item) => (
              <li key={item.id}>
                <strong>{item.title}</strong> <span className="small muted">· {item.orgUnit.name} · {item.createdByName}, {formatDateTime(item.createdAt)}</span>
                {item.details ? <p className="small">{item.details}</p> : null}
                {item.keywords.length ? <div className="small muted">Từ khóa: {item.keywords.join(", ")}</div> : null}
                {canPost && item.canWithdraw ? <WithdrawGuidanceButton action={withdrawGuidanceAction} guidanceId={item.id} /> : null}
              </li>
            ))}
          </ol>
        </section>
        {canPost ? (
          <section className="card">
            <h2>Đăng định hướng mới</h2>
            <GuidanceForm action={postGuidanceAction} period={period} />
          </section>
        ) : null}
      </div>
    </>
  );
}
