import { Suspense } from "react";
import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { requireSessionActor } from "@/lib/auth/session";
import { getScopeSummary } from "@/lib/org/scope-summary";
import { getScopeRoot } from "@/lib/org/org-units";
import { CardSkeleton, StatsSkeleton } from "@/components/ui/skeleton";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { formatNumber, formatPercent, ratio } from "@/lib/format/number";
import { formatDate } from "@/lib/format/date";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { homePanelsFor } from "@/components/home/home-panels";
import { DemoAgeBanner } from "@/components/home/demo-age-banner";
import { now as clockNow } from "@/lib/clock";

// The frame (greeting, shortcuts) goes out at once; the figures and each panel stream in
// inside their own Suspense boundary, so one slow card does not hold up the page.
export default async function HomePage() {
  const actor = await requireSessionActor();
  const root = await getScopeRoot(actor);
  const isBranch = root.level === "BRANCH";
  const panels = homePanelsFor(actor.role);
  return (
    <>
      <PageHeader
        title={`Xin chào, ${actor.displayName}`}
        description={
          <>
            {ROLE_LABELS[actor.role]} · {root.name} · hôm nay {formatDate(clockNow())}
          </>
        }
      />
      <DemoAgeBanner />
      <Suspense fallback={<StatsSkeleton count={root.level === "BRANCH" ? 2 : root.level === "WARD" ? 3 : 4} />}>
        <ScopeFigures actor={actor} />
      </Suspense>
      {panels.map(({ key, title, Panel }) => (
        <Suspense key={key} fallback={<CardSkeleton title={title} />}>
          <Panel actor={actor} />
        </Suspense>
      ))}
      <section className="section card">
        <div className="card-header">
          <h2>Lối tắt</h2>
        </div>
        <div className="actions-row">
          {can(actor.role, "org.read") ? (
            <Link className="button button-secondary" href={isBranch ? `/org/${root.id}` : "/org"}>
              {isBranch ? "Danh sách đảng viên của chi bộ" : "Xem cây tổ chức"}
            </Link>
          ) : null}
          {can(actor.role, "user.manage") ? <Link className="button button-secondary" href="/admin/users">Quản lý người dùng</Link> : null}
          {can(actor.role, "token.manage") ? <Link className="button button-secondary" href="/admin/tokens">Cấp mã truy cập API</Link> : null}
          <Link className="button button-secondary" href="/account">Đổi mật khẩu</Link>
        </div>
      </section>
    </>
  );
}

/** The scope's wards, branches, members and handbook installs (counted over the whole subtree). */
async function ScopeFigures({ actor }: { actor: Actor }) {
  const summary = await getScopeSummary(actor);
  const isBranch = summary.root.level === "BRANCH";
  return (
    <div className="grid grid-stats">
      {!isBranch && summary.root.level !== "WARD" ? <Stat label="Đảng ủy phường" value={formatNumber(summary.wards)} accent /> : null}
      {!isBranch ? <Stat label="Chi bộ" value={formatNumber(summary.branches)} accent /> : null}
      <Stat label="Đảng viên" value={formatNumber(summary.members)} note={`${formatNumber(summary.membersExpected)} thuộc diện sinh hoạt thường xuyên`} accent />
      <Stat
        label="Đã cài Sổ tay điện tử"
        value={formatPercent(ratio(summary.installed, summary.members))}
        note={`${formatNumber(summary.installed)} / ${formatNumber(summary.members)} đảng viên · ${formatPercent(ratio(summary.installed, summary.eligible), 2)} số thuộc diện cài`}
        accent
      />
    </div>
  );
}
