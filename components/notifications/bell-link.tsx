"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

/** Keeps the unread count fresh: on every navigation and every minute. */
export function BellLink({ initialCount }: { initialCount: number }) {
  const [count, setCount] = useState(initialCount);
  const pathname = usePathname();
  useEffect(() => {
    let cancelled = false;
    const refresh = async () => {
      try {
        const response = await fetch("/api/v1/notifications/count", { cache: "no-store" });
        if (response.ok && !cancelled) setCount(((await response.json()) as { unread: number }).unread);
      } catch {
        // offline: keep the last count
      }
    };
    void refresh();
    const timer = setInterval(refresh, 60_000);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [pathname]);
  const label = count ? `Thông báo: ${count} chưa đọc` : "Thông báo";
  return (
    <Link href="/notifications" className="topbar-bell" aria-label={label} title={label}>
      <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.73 21a2 2 0 0 1-3.46 0" />
      </svg>
      {count ? <span className="bell-count" data-testid="bell-count">{count > 99 ? "99+" : count}</span> : null}
    </Link>
  );
}
