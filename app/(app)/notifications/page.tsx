import { requireSessionActor } from "@/lib/auth/session";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { NotificationsPageParams } from "@/lib/notifications/schemas";
import { readSearchParams, type SearchParams } from "@/lib/validation/page-params";
import { formatDateTime } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { MarkAllReadButton, OpenNotificationButton } from "@/components/notifications/notification-forms";
import { markAllReadAction, openNotificationAction } from "./actions";

export const metadata = { title: "Thông báo" };

type Props = { searchParams: Promise<SearchParams> };

export default async function NotificationsPage({ searchParams }: Props) {
  const actor = await requireSessionActor();
  const { page } = readSearchParams(await searchParams, NotificationsPageParams).values;
  const result = await listNotifications(actor, { page });
  return (
    <>
      <PageHeader title="Thông báo" description={`${formatNumber(result.unread)} chưa đọc`} actions={result.unread ? <MarkAllReadButton action={markAllReadAction} /> : null} />
      {result.items.length === 0 ? <div className="card empty">Chưa có thông báo nào.</div> : null}
      <ol className="notification-list">
        {result.items.map((item) => (
          <li key={item.id} className={`card notification${item.readAt ? "" : " notification-unread"}`}>
            <div>
              {!item.readAt ? <span className="visually-hidden">Chưa đọc: </span> : null}
              <OpenNotificationButton action={openNotificationAction} id={item.id} label={item.title} />
            </div>
            {item.body ? <p className="small">{item.body.length > 240 ? `${item.body.slice(0, 240)}…` : item.body}</p> : null}
            <div className="small muted">{formatDateTime(item.createdAt)}</div>
          </li>
        ))}
      </ol>
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} hrefFor={(p) => `/notifications?page=${p}`} />
    </>
  );
}
