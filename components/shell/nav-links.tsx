"use client";

import { useEffect } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { NAV_ICONS, type ShownNavItem } from "./nav-items";

const SECTION_TITLES = { work: "Công việc", admin: "Quản trị", account: "Cá nhân" } as const;

function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function NavLinks({ items }: { items: ShownNavItem[] }) {
  const pathname = usePathname();
  // On phones the menu is a toggle: close it once the user has gone somewhere.
  useEffect(() => {
    const toggle = document.getElementById("menu-toggle") as HTMLInputElement | null;
    if (toggle) toggle.checked = false;
  }, [pathname]);
  const sections = (["work", "admin", "account"] as const).map((section) => ({ section, items: items.filter((item) => (item.section ?? "work") === section) }));
  return (
    <nav className="nav" aria-label="Điều hướng chính">
      {sections
        .filter((group) => group.items.length)
        .map((group) => (
          <div key={group.section}>
            <div className="nav-section">{SECTION_TITLES[group.section]}</div>
            {group.items.map((item) => (
              <Link key={item.href} href={item.href} aria-current={isActive(pathname, item.activeUnder ?? item.href) ? "page" : undefined}>
                <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
                  <path d={NAV_ICONS[item.icon]} />
                </svg>
                {item.label}
              </Link>
            ))}
          </div>
        ))}
    </nav>
  );
}
