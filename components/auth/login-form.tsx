"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { SIGN_IN_FAILED_MESSAGE, signInErrorMessage } from "@/lib/auth/sign-in-messages";

type Props = { callbackUrl: string; initialError?: string };

export function LoginForm({ callbackUrl, initialError }: Props) {
  const [error, setError] = useState<string | undefined>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get("username") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!username || !password) {
      setError("Nhập tên đăng nhập và mật khẩu.");
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      const result = await signIn("credentials", { username, password, redirect: false });
      if (!result || result.error) {
        setError(signInErrorMessage(result?.error) ?? SIGN_IN_FAILED_MESSAGE);
        setPending(false);
        return;
      }
      window.location.assign(callbackUrl);
    } catch {
      setError("Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.");
      setPending(false);
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {/* Where the form goes after sign-in, already checked on the server (lib/http/safe-redirect.ts). */}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div aria-live="polite">{error ? <div className="alert alert-error" role="alert">{error}</div> : null}</div>
      <div className="field">
        <label htmlFor="username">Tên đăng nhập</label>
        <input id="username" name="username" type="text" autoComplete="username" autoCapitalize="none" spellCheck={false} required autoFocus />
      </div>
      <div className="field">
        <label htmlFor="password">Mật khẩu</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required maxLength={1024} />
      </div>
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Đang đăng nhập…" : "Đăng nhập"}
      </button>
    </form>
  );
}
