"use client";

import { startTransition, useEffect, useState } from "react";
import { useRouter } from "next/navigation";

/**
 * A page that failed to render. When the cause is the database being
 * unreachable (GET /api/v1/health answers 503), say so plainly and reload by
 * itself once it is back (docs/reliability.md).
 */
export default function AppError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const [databaseDown, setDatabaseDown] = useState(false);
  useEffect(() => {
    let stopped = false;
    let sawOutage = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const retry = () => startTransition(() => {
      router.refresh();
      reset();
    });
    const check = async () => {
      try {
        const response = await fetch("/api/v1/health", { cache: "no-store" });
        if (stopped) return;
        if (response.status === 503) {
          sawOutage = true;
          setDatabaseDown(true);
          timer = setTimeout(check, 5000);
        } else if (response.ok && sawOutage) {
          retry();
        }
      } catch {
        if (!stopped) timer = setTimeout(check, 5000);
      }
    };
    void check();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [reset, router]);
  const retryNow = () => startTransition(() => {
    router.refresh();
    reset();
  });
  if (databaseDown) {
    return (
      <div className="card empty" role="alert">
        <h1>Hệ thống tạm thời gián đoạn</h1>
        <p>Cơ sở dữ liệu tạm thời không truy cập được. Trang sẽ tự tải lại khi kết nối được khôi phục; dữ liệu đã lưu không bị mất.</p>
        <button className="button button-secondary" type="button" onClick={retryNow}>Thử lại ngay</button>
      </div>
    );
  }
  return (
    <div className="card empty" role="alert">
      <h1>Đã có lỗi khi tải trang</h1>
      <p>Sự cố đã được ghi lại. Bạn có thể thử lại; nếu lỗi lặp lại, hãy báo quản trị viên.</p>
      <button className="button button-secondary" type="button" onClick={retryNow}>Thử lại</button>
    </div>
  );
}
