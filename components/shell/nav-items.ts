import type { Permission } from "@/lib/auth/permissions";

export type NavItem = {
  href: string;
  label: string;
  icon: keyof typeof NAV_ICONS;
  permission?: Permission;
  section?: "work" | "admin" | "account";
  /** Where a branch secretary goes instead, `:branch` standing for its branch's id (the link stays marked anywhere under `href`). */
  branchHref?: string;
};

/** An entry as the shell shows it to one user: `activeUnder` keeps a link pointing deeper marked across its whole area. */
export type ShownNavItem = Omit<NavItem, "branchHref"> & { activeUnder?: string };

// Feature areas add their entries here; the shell shows those the role may use.
export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Trang chủ", icon: "home", section: "work" },
  { href: "/org", label: "Tổ chức đảng", icon: "tree", permission: "org.read", section: "work" },
  { href: "/dashboard", label: "Bảng điều hành Sổ tay", icon: "chart", permission: "stats.read", section: "work" },
  { href: "/meetings", label: "Sinh hoạt chi bộ", icon: "calendar", permission: "meeting.read", section: "work" },
  { href: "/follow", label: "Chi bộ tôi phụ trách", icon: "users", permission: "follower.read", section: "work" },
  { href: "/drafts", label: "Dự thảo nghị quyết", icon: "file", permission: "draft.read", section: "work", branchHref: "/drafts/branch/:branch" },
  { href: "/feedback", label: "Phản hồi dự thảo", icon: "inbox", permission: "feedback.read", section: "work" },
  { href: "/drafts/guidance", label: "Định hướng tháng", icon: "calendar", permission: "draft.read", section: "work" },
  { href: "/documents", label: "Văn bản", icon: "file", permission: "document.generate", section: "work" },
  { href: "/imports", label: "Nhập dữ liệu", icon: "upload", permission: "import.run", section: "work" },
  { href: "/admin/users", label: "Người dùng", icon: "users", permission: "user.manage", section: "admin" },
  { href: "/admin/restructure", label: "Tái cấu trúc tổ chức", icon: "tree", permission: "org.restructure", section: "admin" },
  { href: "/admin/tokens", label: "Mã truy cập API", icon: "key", permission: "token.manage", section: "admin" },
  { href: "/admin/settings", label: "Thiết lập", icon: "gear", permission: "settings.manage", section: "admin" },
  { href: "/admin/audit", label: "Nhật ký hệ thống", icon: "log", permission: "audit.read", section: "admin" },
  { href: "/notifications", label: "Thông báo", icon: "bell", section: "account" },
  { href: "/account", label: "Tài khoản của tôi", icon: "user", section: "account" },
];

export const NAV_ICONS = {
  home: "M3 10.5 12 3l9 7.5V21a1 1 0 0 1-1 1h-5v-7H9v7H4a1 1 0 0 1-1-1z",
  tree: "M12 2v6m0 0H6v5m6-5h6v5M4 13h4v4H4zm12 0h4v4h-4zM10 2h4v4h-4z",
  users: "M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2m7-10a4 4 0 1 0 0-8 4 4 0 0 0 0 8m13 10v-2a4 4 0 0 0-3-3.87M16 3.13a4 4 0 0 1 0 7.75",
  key: "M21 2l-2 2m-7.6 7.6a5.5 5.5 0 1 1-7.78 7.78 5.5 5.5 0 0 1 7.78-7.78zm0 0L15.5 7.5m0 0 3 3L22 7l-3-3m-3.5 3.5L19 4",
  log: "M4 4h16v16H4zM8 8h8M8 12h8M8 16h5",
  user: "M20 21v-2a4 4 0 0 0-4-4H8a4 4 0 0 0-4 4v2m8-10a4 4 0 1 0 0-8 4 4 0 0 0 0 8",
  file: "M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8zm0 0v6h6M8 13h8M8 17h6",
  calendar: "M8 2v4m8-4v4M3 10h18M5 4h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2",
  chart: "M3 3v18h18M7 16v-5m5 5V8m5 8v-9",
  gear: "M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6m7.4-3a7.4 7.4 0 0 0-.1-1.2l2-1.6-2-3.4-2.4 1a7.3 7.3 0 0 0-2-1.2L14.5 2h-4l-.4 2.6a7.3 7.3 0 0 0-2 1.2l-2.4-1-2 3.4 2 1.6a7.4 7.4 0 0 0 0 2.4l-2 1.6 2 3.4 2.4-1a7.3 7.3 0 0 0 2 1.2l.4 2.6h4l.4-2.6a7.3 7.3 0 0 0 2-1.2l2.4 1 2-3.4-2-1.6c.1-.4.1-.8.1-1.2",
  upload: "M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4m14-7-5-5-5 5m5-5v12",
  inbox: "M22 12h-6l-2 3h-4l-2-3H2m20 0v6a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2v-6m20 0L18.5 5.1A2 2 0 0 0 16.7 4H7.3a2 2 0 0 0-1.8 1.1L2 12",
  bell: "M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.73 21a2 2 0 0 1-3.46 0",
} as const;
