"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { getQueuedWorkingCopy, QUEUE_EVENT, queueWorkingCopy, removeQueuedWorkingCopy, type QueuedWorkingCopy } from "@/lib/offline/store";

type Copy = Pick<QueuedWorkingCopy, "period" | "title" | "body" | "baseVersionNo">;

/**
 * The draft editor's working copy while there is no network: kept in this
 * browser (the app shell sends it when the network is back), and given back to
 * the editor when the page is opened again before it was sent.
 */
export function useOfflineWorkingCopy(period: string, baseVersionNo: number, restore: (copy: Copy) => void) {
  const [pending, setPending] = useState<QueuedWorkingCopy | null>(null);
  const restoreRef = useRef(restore);
  useEffect(() => {
    restoreRef.current = restore;
  });

  useEffect(() => {
    let first = true;
    const load = async () => {
      const copy = (await getQueuedWorkingCopy(period).catch(() => undefined)) ?? null;
      if (first && copy && copy.baseVersionNo === baseVersionNo) restoreRef.current(copy);
      first = false;
      setPending(copy);
    };
    void load();
    window.addEventListener(QUEUE_EVENT, load);
    return () => window.removeEventListener(QUEUE_EVENT, load);
  }, [period, baseVersionNo]);

  // A save cut off because the editor is going away (a submission navigates) is not an offline save.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const keep = useCallback((copy: Copy) => (mounted.current ? queueWorkingCopy(copy) : Promise.resolve()), []);

  return {
    /** Unsent text waiting in this browser. */
    pending,
    keep,
    /** Saved on the server from the editor itself: an older copy kept here must not follow it. */
    drop: removeQueuedWorkingCopy,
  };
}
