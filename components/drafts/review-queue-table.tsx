"use client";

import Link from "next/link";
import { useMemo } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { rowSortingFeature, tableFeatures, useTable, type ColumnDef, type SortingState, type Updater } from "@tanstack/react-table";
import { FLAG_LABELS, FLAG_SHORT, STATUS_LABELS, STATUS_TONES, TIMELINESS_LABELS, TIMELINESS_TONES, type DraftFlagKey } from "@/lib/drafts/labels";
import { formatDate, formatDateTime, formatTime, formatWaitingDays } from "@/lib/format/date";
import { formatNumber, formatPercent } from "@/lib/format/number";
import { Badge } from "@/components/ui/badge";
import type { QueueRowView } from "@/lib/drafts/list-review-queue";


const features = tableFeatures({ rowSortingFeature });

/** `key`: a column that must stay in view without sideways scrolling (tests/e2e/screens-fit.test.ts measures it). */
type ColumnMeta = { className?: string; key?: boolean };

function rowHref(row: QueueRowView): string {
  return row.draftId ? `/drafts/${row.draftId}` : `/drafts/branch/${row.branch.id}/${row.period}`;
}

function columnsFor(templateThreshold: number): ColumnDef<typeof features, QueueRowView>[] {
  return [
    {
      id: "branch",
      header: "Chi bộ",
      accessorFn: (row) => row.branch.name,
      cell: ({ row }) => (
        <>
          <Link className="row-link" href={rowHref(row.original)}>{row.original.branch.name}</Link>
          <div className="small muted mono">{row.original.branch.code}</div>
        </>
      ),
      meta: { className: "cell-branch", key: true },
    },
    { id: "ward", header: "Phường", accessorFn: (row) => row.ward?.name ?? "", cell: ({ row }) => row.original.ward?.name.replace(/^(Phường|Xã|Thị trấn) /, "") ?? "—", meta: { className: "col-secondary" } },
    { id: "status", header: "Trạng thái", accessorFn: (row) => row.status, cell: ({ row }) => <Badge tone={STATUS_TONES[row.original.status]}>{STATUS_LABELS[row.original.status]}</Badge>, meta: { className: "cell-status", key: true } },
    { id: "version", header: "Phiên bản", accessorFn: (row) => row.versionNo, cell: ({ row }) => (row.original.versionNo ? `v${row.original.versionNo}` : "—"), sortDescFirst: true, meta: { className: "num col-secondary" } },
    {
      id: "submittedAt",
      header: "Nộp lúc",
      accessorFn: (row) => row.firstSubmittedAt,
      cell: ({ row }) => (
        <>
          {row.original.firstSubmittedAt ? (
            <div className="nowrap" title={formatDateTime(row.original.firstSubmittedAt)}>
              {formatDate(row.original.firstSubmittedAt)}
              <div className="small muted">{formatTime(row.original.firstSubmittedAt)}</div>
            </div>
          ) : null}
          {row.original.timeliness !== "ON_TIME" ? <Badge tone={TIMELINESS_TONES[row.original.timeliness]}>{TIMELINESS_LABELS[row.original.timeliness]}</Badge> : null}
          {row.original.resubmitOverdue ? <Badge tone="bad">Quá hạn nộp lại</Badge> : null}
        </>
      ),
      meta: { className: "col-secondary" },
    },
    {
      id: "flags",
      header: "Cờ",
      enableSorting: false,
      accessorFn: (row) => row.flags.join(","),
      cell: ({ row }) => {
        const decided = row.original.flags as DraftFlagKey[];
        const proposed = (row.original.proposedFlags as DraftFlagKey[]).filter((flag) => !decided.includes(flag));
        return (
          <div className="flag-list queue-flags">
            {decided.map((flag) => (
              <span key={flag} className="badge badge-bad" title={FLAG_LABELS[flag]}>{FLAG_SHORT[flag]}</span>
            ))}
            {proposed.map((flag) => (
              <span key={flag} className="badge badge-proposed" title={`Máy đề xuất: ${FLAG_LABELS[flag]} (chưa có người quyết định)`}>{FLAG_SHORT[flag]}?</span>
            ))}
          </div>
        );
      },
      meta: { className: "col-secondary" },
    },
    {
      id: "similarity",
      header: "Độ giống",
      accessorFn: (row) => row.similarity?.score ?? null,
      sortDescFirst: true,
      cell: ({ row }) =>
        row.original.similarity && row.original.draftId ? (
          <Link
            href={`/drafts/${row.original.draftId}?view=compare&with=similar`}
            className={row.original.similarity.score >= templateThreshold ? "text-bad strong" : ""}
            title={row.original.similarity.outsideScope ? "Đối chiếu với dự thảo giống nhất (của một chi bộ ngoài phạm vi của bạn)" : "Đối chiếu với dự thảo giống nhất"}
          >
            {formatPercent(row.original.similarity.score, 0)}
          </Link>
        ) : (
          "—"
        ),
      meta: { className: "num col-secondary" },
    },
    { id: "openComments", header: "Góp ý mở", accessorFn: (row) => row.openComments, sortDescFirst: true, cell: ({ row }) => (row.original.draftId ? formatNumber(row.original.openComments) : "—"), meta: { className: "num col-secondary" } },
    {
      id: "ack",
      header: "Phường xác nhận",
      accessorFn: (row) => row.feedbackPendingSince,
      cell: ({ row }) =>
        row.original.feedbackPendingSince ? (
          <Badge tone={row.original.ackOverdue ? "bad" : "warn"}>Chờ {formatWaitingDays(row.original.waitingDays ?? 0)}</Badge>
        ) : row.original.feedbackAckedAt ? (
          <span className="small" title={formatDateTime(row.original.feedbackAckedAt)}>
            Đã xác nhận <span className="nowrap">{formatDate(row.original.feedbackAckedAt)}</span>
          </span>
        ) : (
          <span className="muted">—</span>
        ),
      meta: { key: true },
    },
  ];
}

function parseSort(sort: string): SortingState {
  if (!sort || sort === "queue") return [];
  return [{ id: sort.replace(/^-/, ""), desc: sort.startsWith("-") }];
}

/**
 * The review queue: server-side sorted and paged; sorting changes the URL so
 * that a link shows the same view. Arrow keys (or j/k) move between rows.
 */
export function ReviewQueueTable({ rows, sort, templateThreshold }: { rows: QueueRowView[]; sort: string; templateThreshold: number }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const sorting = useMemo(() => parseSort(sort), [sort]);
  const columns = useMemo(() => columnsFor(templateThreshold), [templateThreshold]);
  const onSortingChange = (updater: Updater<SortingState>) => {
    const next = typeof updater === "function" ? updater(sorting) : updater;
    const params = new URLSearchParams(search.toString());
    params.delete("page");
    if (next.length) params.set("sort", `${next[0].desc ? "-" : ""}${next[0].id}`);
    else params.delete("sort");
    router.push(`${pathname}?${params.toString()}`);
  };
  const table = useTable({ features, columns, data: rows, state: { sorting }, onSortingChange, manualSorting: true, enableSortingRemoval: true, enableMultiSort: false });

  const onKeyDown = (event: React.KeyboardEvent<HTMLTableSectionElement>) => {
    const keys: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 };
    const step = keys[event.key];
    if (!step || event.altKey || event.ctrlKey || event.metaKey) return;
    const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>("a.row-link")];
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = links[index === -1 ? 0 : Math.min(links.length - 1, Math.max(0, index + step))];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  return (
    <div className="table-wrap">
      <table className="queue-table">
        <caption>Nhấn tiêu đề cột để sắp xếp; dùng phím mũi tên lên/xuống (hoặc j/k) để chuyển giữa các chi bộ, Enter để mở.</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const meta = header.column.columnDef.meta as ColumnMeta | undefined;
                const className = meta?.className;
                return (
                  <th key={header.id} className={className} data-key-column={meta?.key ? "" : undefined} aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined} scope="col">
                    {header.column.getCanSort() ? (
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                        <table.FlexRender header={header} />
                        <span aria-hidden="true">{sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : " ↕"}</span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {table.getRowModel().rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="empty">Không có chi bộ nào khớp bộ lọc.</td>
            </tr>
          ) : (
            table.getRowModel().rows.map((row) => (
              <tr key={row.id} className={row.original.status === "NOT_SUBMITTED" ? "row-missing" : undefined}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={(cell.column.columnDef.meta as ColumnMeta | undefined)?.className}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
