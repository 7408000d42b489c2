import Link from "next/link";
import { withQuery } from "@/components/ui/pagination";

type Tab = "compliance" | "schedules" | "flags" | "alerts";

const TABS: { key: Tab; href: string; label: string }[] = [
  { key: "compliance", href: "/meetings", label: "Tình hình sinh hoạt" },
  { key: "schedules", href: "/meetings/schedules", label: "Lịch báo trước" },
  { key: "flags", href: "/meetings/flags", label: "Vắng, không đóng đảng phí" },
  { key: "alerts", href: "/meetings/alerts", label: "Cảnh báo dữ liệu" },
];

/** The views of the meeting area, keeping the unit (and the period where it applies). */
export function MeetingsTabs({ active, unit, period, showFlags = true }: { active: Tab; unit?: number; period?: string; showFlags?: boolean }) {
  return (
    <nav className="tabs" aria-label="Sinh hoạt chi bộ">
      {TABS.filter((tab) => showFlags || tab.key !== "flags").map((tab) => (
        <Link key={tab.key} href={withQuery(tab.href, { unit, period: tab.key === "flags" ? undefined : period })} aria-current={tab.key === active ? "page" : undefined} className="tab">
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
