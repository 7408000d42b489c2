// Sends what was saved without a network, once there is one. Meetings go
// through the idempotent PUT /api/v1/meetings with the version the secretary
// started from: a replay after a lost answer changes nothing, and a meeting
// someone else changed meanwhile comes back as a conflict to decide, never a
// silent overwrite. Client code only.
import {
  listQueuedMeetings,
  listQueuedWorkingCopies,
  putMeeting,
  putWorkingCopy,
  removeQueuedMeeting,
  removeQueuedWorkingCopy,
  type QueuedMeeting,
  type ServerMeeting,
} from "./store";

export type SyncOutcome = "done" | "offline" | "signed-out";

type ApiError = { error?: { code?: string; message?: string } };

async function errorMessage(response: Response): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as ApiError;
  return body.error?.message ?? `Máy chủ trả lỗi ${response.status}.`;
}

/** One pass over the queue; a second caller (another tab) waits for the first. */
export async function syncOfflineQueue(): Promise<SyncOutcome> {
  if (typeof navigator !== "undefined" && "locks" in navigator) return navigator.locks.request("so-tay-offline-sync", () => syncOnce());
  return syncOnce();
}

async function syncOnce(): Promise<SyncOutcome> {
  for (const item of await listQueuedMeetings()) {
    if (item.state !== "queued") continue;
    const outcome = await sendMeeting(item);
    if (outcome !== "done") return outcome;
  }
  for (const copy of await listQueuedWorkingCopies()) {
    if (copy.state !== "queued") continue;
    let response: Response;
    try {
      response = await fetch("/api/v1/drafts/working-copy", {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ period: copy.period, title: copy.title, body: copy.body, baseVersionNo: copy.baseVersionNo }),
      });
    } catch {
      return "offline";
    }
    if (response.status === 401) return "signed-out";
    if (response.status >= 500) return "offline";
    if (response.ok) await removeQueuedWorkingCopy(copy.period);
    else await putWorkingCopy({ ...copy, state: "refused", message: await errorMessage(response) });
  }
  return "done";
}

async function sendMeeting(item: QueuedMeeting): Promise<SyncOutcome> {
  let response: Response;
  try {
    response = await fetch("/api/v1/meetings", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(item.body) });
  } catch {
    return "offline";
  }
  if (response.status === 401) return "signed-out";
  if (response.status >= 500) return "offline";
  if (response.ok) {
    await removeQueuedMeeting(item.key);
    return "done";
  }
  const body = (await response.json().catch(() => ({}))) as ApiError;
  if (response.status === 409 && body.error?.code === "CONFLICT") {
    const server = await loadServerMeeting(item).catch(() => null);
    if (!server) return "offline";
    await putMeeting({ ...item, state: "conflict", server, message: body.error.message });
  } else {
    await putMeeting({ ...item, state: "refused", message: body.error?.message ?? `Máy chủ trả lỗi ${response.status}.` });
  }
  return "done";
}

type MeetingSummary = { id: number; kind: string };
type MeetingDetail = {
  versionNo: number;
  heldOn: string;
  usedHandbook: boolean;
  notes: string | null;
  recordedBy: string | null;
  attendance?: { member: { id: number; fullName: string }; status: string; reason: string | null }[];
};

/** The meeting as it is on the server now (through the same scope-checked API the secretary may read). */
async function loadServerMeeting(item: QueuedMeeting): Promise<ServerMeeting> {
  const { branchId, period, kind } = item.body;
  const list = await fetch(`/api/v1/meetings?orgUnitId=${branchId}&period=${period}&pageSize=10`);
  if (!list.ok) throw new Error(await errorMessage(list));
  const found = ((await list.json()) as { items: MeetingSummary[] }).items.find((meeting) => meeting.kind === kind);
  if (!found) throw new Error("Không tìm thấy cuộc họp trên máy chủ.");
  const detail = await fetch(`/api/v1/meetings/${found.id}`);
  if (!detail.ok) throw new Error(await errorMessage(detail));
  const meeting = (await detail.json()) as MeetingDetail;
  return {
    versionNo: meeting.versionNo,
    heldOn: meeting.heldOn,
    usedHandbook: meeting.usedHandbook,
    notes: meeting.notes,
    recordedBy: meeting.recordedBy,
    attendance: (meeting.attendance ?? []).map((row) => ({ memberId: row.member.id, fullName: row.member.fullName, status: row.status, reason: row.reason })),
  };
}

/** The secretary keeps their version: send it again against the server's current version (a deliberate overwrite). */
export async function keepMine(item: QueuedMeeting) {
  if (!item.server) return;
  await putMeeting({ key: item.key, body: { ...item.body, expectedVersionNo: item.server.versionNo }, names: item.names, queuedAt: item.queuedAt, state: "queued" });
  return syncOfflineQueue();
}

/** The secretary keeps the server's version: their offline change is dropped. */
export async function keepServer(item: QueuedMeeting) {
  await removeQueuedMeeting(item.key);
}
