"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { clearOfflineData, getOwner, listQueuedMeetings, listQueuedWorkingCopies, QUEUE_EVENT, setOwner, type QueuedMeeting, type QueuedWorkingCopy } from "@/lib/offline/store";
import { syncOfflineQueue, type SyncOutcome } from "@/lib/offline/sync";
import { formatPeriod } from "@/lib/format/date";
import { MeetingConflict } from "./meeting-conflict";

type Props = { owner: string; pages: string[] | null };

const subscribeOnline = (notify: () => void) => {
  window.addEventListener("online", notify);
  window.addEventListener("offline", notify);
  return () => {
    window.removeEventListener("online", notify);
    window.removeEventListener("offline", notify);
  };
};

/** Whether the browser has a network (the server renders as online). */
function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
}

/**
 * In the app shell: for a branch secretary, registers the service worker,
 * asks it to keep the secretary's pages for offline use, shows the offline
 * banner and what is still unsent, sends it when the network is back and shows
 * conflicts to decide. For everyone else it removes whatever a previous
 * secretary left in this browser.
 */
export function OfflineAgent({ owner, pages }: Props) {
  const online = useOnline();
  const [meetings, setMeetings] = useState<QueuedMeeting[]>([]);
  const [copies, setCopies] = useState<QueuedWorkingCopy[]>([]);
  const [outcome, setOutcome] = useState<SyncOutcome | null>(null);
  const [ready, setReady] = useState(false);
  const pageList = pages?.join("\n") ?? null;

  useEffect(() => {
    if (!("serviceWorker" in navigator) || !("indexedDB" in window)) return;
    let cancelled = false;
    (async () => {
      if (pageList === null) {
        if ((await navigator.serviceWorker.getRegistrations()).length) await clearOfflineData();
        return;
      }
      // Another account's data in this browser (a session that ended without signing out): wipe it first.
      const previous = await getOwner();
      if (previous !== null && previous !== owner) await clearOfflineData();
      await setOwner(owner);
      if (cancelled) return;
      setReady(true);
      const registration = await navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => null);
      const worker = registration ? (await navigator.serviceWorker.ready).active : null;
      // Right after a save the pages changed: refresh them now; otherwise let the page the secretary opened load first.
      const force = location.search.includes("saved=");
      setTimeout(() => worker?.postMessage({ type: "warm", pages: pageList.split("\n"), force }), force ? 0 : 3000);
    })();
    return () => {
      cancelled = true;
    };
  }, [owner, pageList]);

  useEffect(() => {
    if (!ready) return;
    const reload = () => {
      listQueuedMeetings().then(setMeetings, () => setMeetings([]));
      listQueuedWorkingCopies().then(setCopies, () => setCopies([]));
    };
    window.addEventListener(QUEUE_EVENT, reload);
    reload();
    return () => window.removeEventListener(QUEUE_EVENT, reload);
  }, [ready]);

  useEffect(() => {
    if (!ready || !online) return;
    (async () => {
      const waiting = (await listQueuedMeetings()).length + (await listQueuedWorkingCopies()).length;
      setOutcome(await syncOfflineQueue());
      // What was sent changed the stored pages: refresh them now, so a later offline edit starts from the new version.
      if (waiting && pageList) navigator.serviceWorker?.controller?.postMessage({ type: "warm", pages: pageList.split("\n"), force: true });
    })().catch(() => undefined);
  }, [ready, online, pageList]);

  if (pages === null) return null;
  const queued = meetings.filter((item) => item.state === "queued").length + copies.filter((copy) => copy.state === "queued").length;
  const conflicts = meetings.filter((item) => item.state === "conflict");
  const refused = [...meetings.filter((item) => item.state === "refused"), ...copies.filter((copy) => copy.state === "refused")];
  return (
    <div className="offline-agent">
      {!online ? (
        <div className="offline-banner" role="status">
          <strong>Không có mạng.</strong> Bạn vẫn xem danh sách đảng viên và ghi cuộc họp tháng này, tháng trước; thay đổi được giữ trên máy và tự gửi khi có mạng.
        </div>
      ) : null}
      {queued ? (
        <div className="alert alert-warn" role="status">
          {queued === 1 ? "1 thay đổi" : `${queued} thay đổi`} chưa gửi — sẽ gửi khi có mạng.
          {online && outcome === "signed-out" ? " Phiên đăng nhập đã hết: đăng nhập lại để gửi." : null}
        </div>
      ) : null}
      {refused.map((item) => (
        <div key={"key" in item ? item.key : `draft:${item.period}`} className="alert alert-error" role="alert">
          {"key" in item ? `Cuộc họp ${formatPeriod(item.body.period).toLowerCase()} không gửi được: ` : `Bản nháp dự thảo ${formatPeriod(item.period).toLowerCase()} không gửi được: `}
          {item.message}
        </div>
      ))}
      {conflicts.map((item) => (
        <MeetingConflict key={item.key} item={item} />
      ))}
    </div>
  );
}
