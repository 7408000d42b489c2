import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getComplianceOverview, type ComplianceFigures } from "@/lib/meetings/compliance";
import { findDataQualityAlerts } from "@/lib/meetings/data-quality-alerts";
import { findAbsenceFlags } from "@/lib/members/find-absence-flags";
import { ALERT_KIND_LABELS } from "@/lib/meetings/labels";
import { childUnitsLabel } from "@/lib/org/labels";
import type { OrgLevel } from "@/lib/generated/prisma/enums";
import { formatDate, formatPeriod } from "@/lib/format/date";
import { formatNumber, formatPercent, ratio } from "@/lib/format/number";
import type { DataQualityAlertKind } from "@/lib/generated/prisma/enums";
import type { Block } from "./official-document";
import { renderStackedBars } from "./chart";

/** Criteria a meeting is checked against (the other alert kinds are about data, not the meeting). */
const CRITERIA: DataQualityAlertKind[] = ["MISSING_MINUTES", "DOCUMENTS_NOT_SENT", "HELD_OUTSIDE_PERIOD"];

export type MeetingReportFigures = {
  unit: { id: number; code: string; name: string; level: string };
  period: string;
  deadline: string;
  totals: ComplianceFigures;
  children: (CellFigures & { name: string; level?: OrgLevel })[];
  trend: (ComplianceFigures & { period: string })[];
  /** Open alerts of the period per criterion, and branches that held a meeting with none of them. */
  criteria: { counts: Partial<Record<DataQualityAlertKind, number>>; branchesFailing: number; met: number };
  /** Members absent without excuse in 3+ months of the year; null for readers who may not see members. */
  flaggedMembers: number | null;
};

/**
 * What the monthly report on branch meetings says, from what the compliance
 * page reads: getComplianceOverview (held, missing, attendance, handbook use),
 * findDataQualityAlerts (criteria) and findAbsenceFlags (members flagged).
 */
export async function collectMeetingFigures(actor: Actor, orgUnitId: number, period: string): Promise<MeetingReportFigures> {
  const overview = await getComplianceOverview(actor, { orgUnitId, period });
  const [alerts, flags] = await Promise.all([
    findDataQualityAlerts(actor, { orgUnitId: overview.unit.id, period }),
    can(actor.role, "member.read") ? findAbsenceFlags(actor, { year: Number(period.slice(0, 4)), orgUnitId: overview.unit.id, pageSize: 1 }) : Promise.resolve(null),
  ]);
  const failing = new Set(alerts.items.filter((alert) => CRITERIA.includes(alert.kind)).map((alert) => alert.branch.id));
  return {
    unit: { id: overview.unit.id, code: overview.unit.code, name: overview.unit.name, level: overview.unit.level },
    period,
    deadline: String(overview.deadline),
    totals: overview.totals,
    children: overview.children.map(({ unit, ...figures }) => ({ ...stripCell(figures), name: unit.name, level: unit.level })),
    trend: overview.trend,
    criteria: { counts: Object.fromEntries(CRITERIA.map((kind) => [kind, alerts.counts[kind]])), branchesFailing: failing.size, met: Math.max(0, overview.totals.held - failing.size) },
    flaggedMembers: flags ? flags.total : null,
  };
}

type CellFigures = Pick<ComplianceFigures, "branches" | "held" | "missing" | "pending" | "present" | "expected" | "attendanceRate" | "usedHandbook" | "thematic">;

function stripCell<T extends CellFigures>(cell: T): CellFigures {
  const { branches, held, missing, pending, present, expected, attendanceRate, usedHandbook, thematic } = cell;
  return { branches, held, missing, pending, present, expected, attendanceRate, usedHandbook, thematic };
}

export function meetingReportBody(figures: MeetingReportFigures): { summary: string; blocks: Block[] } {
  const { totals } = figures;
  const month = formatPeriod(figures.period).toLowerCase();
  // Documents issued before the children carried their level are named by the unit's level, as they were.
  const childLabel = childUnitsLabel(figures.unit.level as OrgLevel, figures.children.flatMap((child) => (child.level ? [child.level] : []))) ?? "Đơn vị";
  const blocks: Block[] = [
    { kind: "paragraph", text: `Báo cáo tình hình sinh hoạt chi bộ ${month} của ${figures.unit.name} (hạn ghi nhận ${formatDate(figures.deadline)}) như sau:` },
    { kind: "heading", text: "1. Số chi bộ tổ chức sinh hoạt" },
    {
      kind: "paragraph",
      text: `Tổng số ${formatNumber(totals.branches)} chi bộ; đã sinh hoạt ${formatNumber(totals.held)} chi bộ (${formatPercent(ratio(totals.held, totals.branches))}); ${totals.missing ? `quá hạn chưa sinh hoạt ${formatNumber(totals.missing)} chi bộ` : `chưa ghi nhận ${formatNumber(totals.pending)} chi bộ`}; sinh hoạt chuyên đề ${formatNumber(totals.thematic)} chi bộ.`,
    },
  ];
  if (figures.children.length) {
    blocks.push({
      kind: "table",
      columns: [childLabel, "Chi bộ", "Đã sinh hoạt", "Chưa sinh hoạt", "Tỷ lệ có mặt", "Dùng Sổ tay", "Chuyên đề"],
      numeric: [false, true, true, true, true, true, true],
      lastRowIsTotal: true,
      rows: [...figures.children, { ...totals, name: "Tổng cộng" }].map((row) => [
        row.name,
        formatNumber(row.branches),
        formatNumber(row.held),
        formatNumber(row.missing + row.pending),
        formatPercent(row.attendanceRate),
        formatNumber(row.usedHandbook),
        formatNumber(row.thematic),
      ]),
    });
  }
  const chart = renderStackedBars(
    figures.trend.map((row) => ({ label: formatPeriod(row.period), values: [row.held, row.missing, row.pending] })),
    [
      { label: "Đã sinh hoạt", color: "#2e7d32" },
      { label: "Quá hạn chưa sinh hoạt", color: "#c62828" },
      { label: "Chưa đến hạn", color: "#9e9e9e" },
    ],
    { title: "Số chi bộ sinh hoạt 12 tháng gần nhất" },
  );
  blocks.push(
    { kind: "chart", ...chart, caption: "Biểu đồ: số chi bộ đã sinh hoạt theo tháng" },
    { kind: "heading", text: "2. Chất lượng sinh hoạt" },
    {
      kind: "paragraph",
      text: `Tỷ lệ đảng viên có mặt ${formatPercent(totals.attendanceRate)} (${formatNumber(totals.present)}/${formatNumber(totals.expected)} đảng viên phải dự). Số chi bộ sinh hoạt đạt các tiêu chí (có biên bản, gửi tài liệu trước, họp trong kỳ): ${formatNumber(figures.criteria.met)}/${formatNumber(totals.held)}; ${formatNumber(figures.criteria.branchesFailing)} chi bộ chưa đạt.`,
    },
    {
      kind: "table",
      columns: ["Tiêu chí chưa đạt", "Số trường hợp"],
      numeric: [false, true],
      rows: CRITERIA.map((kind) => [ALERT_KIND_LABELS[kind], formatNumber(figures.criteria.counts[kind] ?? 0)]),
    },
    { kind: "heading", text: "3. Sử dụng Sổ tay đảng viên điện tử" },
    { kind: "paragraph", text: `${formatNumber(totals.usedHandbook)} chi bộ sử dụng Sổ tay đảng viên điện tử trong sinh hoạt (${formatPercent(ratio(totals.usedHandbook, totals.held))} số chi bộ đã sinh hoạt).` },
    { kind: "heading", text: "4. Đảng viên vắng sinh hoạt, không đóng đảng phí" },
    {
      kind: "paragraph",
      text:
        figures.flaggedMembers === null
          ? "Số đảng viên vắng sinh hoạt, không đóng đảng phí không lý do do đảng ủy phường và Ban Tổ chức theo dõi, không nêu trong báo cáo này."
          : `Năm ${figures.period.slice(0, 4)} có ${formatNumber(figures.flaggedMembers)} đảng viên vắng sinh hoạt hoặc không đóng đảng phí không có lý do từ 3 tháng trở lên, chi bộ và đảng ủy phường cần xem xét theo quy định.`,
    },
  );
  return { summary: `Tình hình sinh hoạt chi bộ ${month}`, blocks };
}
