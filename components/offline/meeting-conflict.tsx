"use client";

import { useState } from "react";
import type { QueuedMeeting } from "@/lib/offline/store";
import { keepMine, keepServer } from "@/lib/offline/sync";
import { ATTENDANCE_STATUS_LABELS, MEETING_KIND_LABELS } from "@/lib/meetings/labels";
import { formatDate, formatDateTime, formatPeriod } from "@/lib/format/date";

type Row = { memberId: number; status: string; reason: string | null };
const label = (row: Row | undefined) => (row ? `${ATTENDANCE_STATUS_LABELS[row.status as keyof typeof ATTENDANCE_STATUS_LABELS] ?? row.status}${row.reason ? ` (${row.reason})` : ""}` : "—");
const count = (rows: Row[], status: string) => rows.filter((row) => row.status === status).length;

/**
 * Someone changed the meeting on the server while the secretary's change
 * waited offline: both versions side by side, the differences first, and the
 * secretary decides. Nothing is overwritten without that decision.
 */
export function MeetingConflict({ item }: { item: QueuedMeeting }) {
  const [busy, setBusy] = useState(false);
  const server = item.server!;
  const mine = item.body;
  const theirs = new Map(server.attendance.map((row) => [row.memberId, row]));
  const ours = new Map(mine.attendance.map((row) => [row.memberId, row]));
  const names: Record<number, string> = { ...item.names, ...Object.fromEntries(server.attendance.map((row) => [row.memberId, row.fullName])) };
  const ids = [...new Set([...ours.keys(), ...theirs.keys()])];
  const differing = ids.filter((id) => label(ours.get(id)) !== label(theirs.get(id))).sort((a, b) => (names[a] ?? "").localeCompare(names[b] ?? "", "vi"));
  const fields = [
    { name: "Ngày họp", mine: formatDate(mine.heldOn), theirs: formatDate(server.heldOn) },
    { name: "Dùng Sổ tay điện tử", mine: mine.usedHandbook ? "Có" : "Không", theirs: server.usedHandbook ? "Có" : "Không" },
    { name: "Ghi chú", mine: mine.notes || "—", theirs: server.notes || "—" },
    ...(["PRESENT", "EXCUSED", "UNEXCUSED"] as const).map((status) => ({ name: ATTENDANCE_STATUS_LABELS[status], mine: String(count(mine.attendance, status)), theirs: String(count(server.attendance, status)) })),
  ];
  const act = (run: () => Promise<unknown>) => {
    setBusy(true);
    void run().finally(() => setBusy(false));
  };

  return (
    <section className="card conflict" role="alert" aria-labelledby={`conflict-${item.key}`}>
      <h2 id={`conflict-${item.key}`}>
        Xung đột: {MEETING_KIND_LABELS[mine.kind].toLowerCase()} {formatPeriod(mine.period).toLowerCase()} đã được sửa trên máy chủ
      </h2>
      <p>
        Bạn ghi cuộc họp khi không có mạng (lúc {formatDateTime(item.queuedAt)}), dựa trên {mine.expectedVersionNo ? `phiên bản ${mine.expectedVersionNo}` : "lúc cuộc họp chưa được ghi"}. Trong lúc đó máy chủ đã có phiên bản {server.versionNo}
        {server.recordedBy ? ` (do ${server.recordedBy} ghi)` : ""}. Chưa có gì bị ghi đè: hãy so sánh và chọn bản giữ lại.
      </p>
      <div className="table-wrap">
        <table className="table conflict-table">
          <thead>
            <tr>
              <th scope="col">Nội dung</th>
              <th scope="col">Bản của bạn (chưa gửi)</th>
              <th scope="col">Bản trên máy chủ (phiên bản {server.versionNo})</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <tr key={field.name} className={field.mine !== field.theirs ? "conflict-differs" : undefined}>
                <th scope="row">{field.name}</th>
                <td>{field.mine}</td>
                <td>{field.theirs}</td>
              </tr>
            ))}
            {differing.map((id) => (
              <tr key={id} className="conflict-differs">
                <th scope="row">{names[id] ?? `Đảng viên #${id}`}</th>
                <td>{label(ours.get(id))}</td>
                <td>{label(theirs.get(id))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!differing.length ? <p className="small muted">Điểm danh từng người giống nhau ở hai bản.</p> : null}
      <div className="actions-row">
        <button type="button" className="button" disabled={busy} onClick={() => act(() => keepMine(item))}>
          Dùng bản của tôi (thay bản trên máy chủ)
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => act(() => keepServer(item))}>
          Giữ bản trên máy chủ, bỏ bản của tôi
        </button>
      </div>
    </section>
  );
}
