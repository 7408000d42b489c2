// The browser's own copy of what the secretary saved without a network
// (IndexedDB), and the one place that wipes every personal cache on sign-out.
// Client code only.
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from "idb";

const OFFLINE_DB = "so-tay-offline";
/** Cache Storage names the service worker uses; all start with this. */
const CACHE_PREFIX = "so-tay-";
export const QUEUE_EVENT = "so-tay:offline-queue";

export type MeetingBody = {
  branchId: number;
  period: string;
  kind: "REGULAR" | "THEMATIC";
  heldOn: string;
  usedHandbook: boolean;
  notes: string | null;
  attendance: { memberId: number; status: string; reason: string | null }[];
  expectedVersionNo: number;
};

/** The meeting as the server has it, shown beside the secretary's version when they differ. */
export type ServerMeeting = {
  versionNo: number;
  heldOn: string;
  usedHandbook: boolean;
  notes: string | null;
  recordedBy: string | null;
  attendance: { memberId: number; fullName: string; status: string; reason: string | null }[];
};

export type QueuedMeeting = {
  key: string;
  body: MeetingBody;
  /** Names of the members on the sheet, for the conflict screen (memberId → name). */
  names: Record<number, string>;
  queuedAt: string;
  state: "queued" | "conflict" | "refused";
  message?: string;
  server?: ServerMeeting;
};

export type QueuedWorkingCopy = { period: string; title: string; body: string; baseVersionNo: number; queuedAt: string; state: "queued" | "refused"; message?: string };

interface OfflineSchema extends DBSchema {
  meetings: { key: string; value: QueuedMeeting };
  workingCopies: { key: string; value: QueuedWorkingCopy };
  meta: { key: string; value: { key: string; value: string } };
}

let opening: Promise<IDBPDatabase<OfflineSchema>> | null = null;
/** Set by sign-out: nothing may recreate the database while the page leaves. */
let wiped = false;

function database() {
  if (wiped) return Promise.reject(new Error("Dữ liệu ngoại tuyến đã xóa khi đăng xuất."));
  opening ??= openDB<OfflineSchema>(OFFLINE_DB, 1, {
    upgrade(db) {
      db.createObjectStore("meetings", { keyPath: "key" });
      db.createObjectStore("workingCopies", { keyPath: "period" });
      db.createObjectStore("meta", { keyPath: "key" });
    },
    // Another tab is deleting the database (sign-out): let it.
    blocking() {
      void opening?.then((db) => db.close());
      opening = null;
    },
  });
  return opening;
}

export const meetingKey = (body: Pick<MeetingBody, "branchId" | "period" | "kind">) => `${body.branchId}:${body.period}:${body.kind}`;

function changed() {
  window.dispatchEvent(new Event(QUEUE_EVENT));
}

export async function queueMeeting(item: Omit<QueuedMeeting, "key" | "state" | "queuedAt">): Promise<QueuedMeeting> {
  const queued: QueuedMeeting = { ...item, key: meetingKey(item.body), state: "queued", queuedAt: new Date().toISOString() };
  await (await database()).put("meetings", queued);
  changed();
  return queued;
}

export async function putMeeting(item: QueuedMeeting) {
  await (await database()).put("meetings", item);
  changed();
}

export async function getQueuedMeeting(key: string) {
  return (await database()).get("meetings", key);
}

export async function listQueuedMeetings() {
  return (await database()).getAll("meetings");
}

export async function removeQueuedMeeting(key: string) {
  await (await database()).delete("meetings", key);
  changed();
}

export async function queueWorkingCopy(copy: Omit<QueuedWorkingCopy, "queuedAt" | "state">) {
  await (await database()).put("workingCopies", { ...copy, state: "queued", queuedAt: new Date().toISOString() });
  changed();
}

export async function putWorkingCopy(copy: QueuedWorkingCopy) {
  await (await database()).put("workingCopies", copy);
  changed();
}

export async function getQueuedWorkingCopy(period: string) {
  return (await database()).get("workingCopies", period);
}

export async function listQueuedWorkingCopies() {
  return (await database()).getAll("workingCopies");
}

export async function removeQueuedWorkingCopy(period: string) {
  await (await database()).delete("workingCopies", period);
  changed();
}

export async function getOwner(): Promise<string | null> {
  return (await (await database()).get("meta", "owner"))?.value ?? null;
}

export async function setOwner(owner: string) {
  await (await database()).put("meta", { key: "owner", value: owner });
}

/** Everything unsent, for the warning before sign-out. */
export async function countUnsent(): Promise<number> {
  const db = await database();
  return (await db.count("meetings")) + (await db.count("workingCopies"));
}

/**
 * Sign-out (or another user on this browser): members' names and meetings are
 * personal data, so every page cache, the queue and the service worker go.
 */
export async function clearOfflineData(options: { signingOut?: boolean } = {}): Promise<void> {
  if (options.signingOut) wiped = true;
  if (opening) {
    (await opening).close();
    opening = null;
  }
  await deleteDB(OFFLINE_DB);
  if ("caches" in window) {
    for (const name of await caches.keys()) if (name.startsWith(CACHE_PREFIX)) await caches.delete(name);
  }
  if ("serviceWorker" in navigator) {
    for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
  }
  if (!options.signingOut) changed();
}
