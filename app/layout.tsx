import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import "@fontsource/be-vietnam-pro/400.css";
import "@fontsource/be-vietnam-pro/500.css";
import "@fontsource/be-vietnam-pro/600.css";
import "@fontsource/be-vietnam-pro/700.css";
// One stylesheet per area (app/styles/). The order is the cascade: a later file wins over an earlier
// one at equal specificity, so area rules follow the shared ones and fit.css (screens that fit) comes last.
import "./styles/base.css";
import "./styles/shell.css";
import "./styles/ui.css";
import "./styles/sign-in.css";
import "./styles/print.css";
import "./styles/stats.css";
import "./styles/meetings.css";
import "./styles/drafts.css";
import "./styles/notifications.css";
import "./styles/restructuring.css";
import "./styles/offline.css";
import "./styles/followers.css";
import "./styles/fit.css";

export const metadata: Metadata = {
  title: { default: "Sổ tay đảng viên — Cổng điều hành", template: "%s · Sổ tay đảng viên" },
  description: "Theo dõi dự thảo nghị quyết, sinh hoạt chi bộ và việc sử dụng Sổ tay đảng viên điện tử.",
  icons: { icon: "/icon.svg", apple: "/icons/apple-touch-icon.png" },
  appleWebApp: { capable: true, title: "Sổ tay đảng viên", statusBarStyle: "default" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#8a1c16" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page dynamic, so each response carries its own CSP nonce.
  await headers();
  return (
    <html lang="vi">
      <body>{children}</body>
    </html>
  );
}
