import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { BrandMark } from "./brand-mark";
import { NavLinks } from "./nav-links";
import { NAV_ITEMS, type ShownNavItem } from "./nav-items";
import { SignOutButton } from "./sign-out-button";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { OfflineAgent } from "@/components/offline/offline-agent";
import { offlinePagesFor } from "@/lib/offline/offline-pages";

type Props = { actor: Actor; scopeName: string; children: React.ReactNode };

export function AppShell({ actor, scopeName, children }: Props) {
  const items: ShownNavItem[] = NAV_ITEMS.filter((item) => !item.permission || can(actor.role, item.permission)).map(({ branchHref, ...item }) =>
    branchHref && actor.scopeLevel === "BRANCH" ? { ...item, href: branchHref.replace(":branch", String(actor.orgUnitId)), activeUnder: item.href } : item,
  );
  return (
    <>
      <a className="skip-link" href="#noi-dung">Bỏ qua điều hướng</a>
      <header className="topbar">
        <Link href="/" className="brand">
          <BrandMark />
          <span className="brand-text">
            Sổ tay đảng viên
            <small title={scopeName}>{scopeName}</small>
          </span>
        </Link>
        <span className="topbar-spacer" />
        <div className="topbar-user">
          <strong>{actor.displayName}</strong>
          {ROLE_LABELS[actor.role]}
        </div>
        <NotificationBell actor={actor} />
        <SignOutButton />
      </header>
      <div className="layout">
        <aside className="sidebar">
          {/* A checkbox opens the menu on phones without any script; desktops always show it. */}
          <div className="sidebar-inner">
            <input type="checkbox" id="menu-toggle" className="menu-toggle visually-hidden" aria-label="Mở hoặc đóng menu" />
            <label htmlFor="menu-toggle" className="menu-toggle-label">☰ Menu</label>
            <NavLinks items={items} />
          </div>
        </aside>
        <main className="main" id="noi-dung">
          <OfflineAgent owner={String(actor.id)} pages={offlinePagesFor(actor)} />
          {children}
        </main>
      </div>
    </>
  );
}
