// The app's public address: the one setting behind every absolute link that
// leaves the app (the QR code of the printed meeting sheet, links in exports
// and messages). Relative links inside the app do not need it.
import { env, serverPort } from "@/lib/env";

type PublicUrlEnv = { PUBLIC_URL?: string; NEXTAUTH_URL?: string; PORT?: string };

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

/** PUBLIC_URL, else NEXTAUTH_URL, else http://localhost:$PORT; never ends with "/". */
export function publicBaseUrl(vars: PublicUrlEnv = { PUBLIC_URL: env().PUBLIC_URL, NEXTAUTH_URL: env().NEXTAUTH_URL, PORT: serverPort() }): string {
  return withoutTrailingSlash(vars.PUBLIC_URL || vars.NEXTAUTH_URL || `http://localhost:${vars.PORT || 3000}`);
}

/** An app path ("/drafts/…") as a link that opens from outside: on a phone, in a spreadsheet, in a message. */
export function absoluteUrl(path: string, base = publicBaseUrl()): string {
  if (!path.startsWith("/") || path.startsWith("//")) throw new Error(`Đường dẫn trong ứng dụng phải bắt đầu bằng "/": ${path}`);
  return `${base}${path}`;
}

/** True when the address only works on the server itself (localhost, 127.x, ::1): no member's phone can open it. */
export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host.endsWith(".localhost") || /^127\./.test(host) || host === "::1" || host === "0.0.0.0";
}

/**
 * The start-up warning of a production server without PUBLIC_URL (null when there is nothing to say):
 * printed QR codes and exported links would carry whatever address it falls back to.
 */
export function publicUrlWarning(vars: PublicUrlEnv & { NODE_ENV?: string }): string | null {
  if (vars.NODE_ENV !== "production" || vars.PUBLIC_URL) return null;
  const used = publicBaseUrl(vars);
  const reach = isLoopbackUrl(used) ? " — địa chỉ này chỉ mở được trên chính máy chủ, điện thoại của đảng viên không mở được" : "";
  return `Cảnh báo: PUBLIC_URL chưa được đặt. Mã QR trên phiếu in và liên kết trong tệp xuất sẽ dùng ${used}${reach}. Đặt PUBLIC_URL=https://<địa chỉ công khai> (README, mục Configuration).`;
}
