"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { clearOfflineData, countUnsent } from "@/lib/offline/store";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="topbar-button"
      disabled={pending}
      onClick={async () => {
        // Members' names kept for offline use are personal data: nothing stays in this browser after sign-out.
        const unsent = await countUnsent().catch(() => 0);
        if (unsent && !window.confirm(`Còn ${unsent} thay đổi chưa gửi lên máy chủ. Đăng xuất sẽ xóa chúng khỏi máy này. Vẫn đăng xuất?`)) return;
        setPending(true);
        await clearOfflineData({ signingOut: true }).catch(() => undefined);
        void signOut({ callbackUrl: "/login" });
      }}
    >
      {pending ? "Đang thoát…" : "Đăng xuất"}
    </button>
  );
}
