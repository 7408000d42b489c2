import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { branchesUnderSql } from "@/lib/org/tree-sql";
import { findUnitInScope } from "@/lib/org/org-units";
import { getDraftReviewSummary, type ReviewCounts } from "@/lib/drafts/get-draft-review-summary";
import { DRAFT_FLAGS, FLAG_LABELS, type DraftFlagKey } from "@/lib/drafts/labels";
import { formatDateTime, formatPeriod } from "@/lib/format/date";
import { formatNumber, formatPercent, ratio } from "@/lib/format/number";
import { childUnitsLabel } from "@/lib/org/labels";
import type { OrgLevel } from "@/lib/generated/prisma/enums";
import type { Block } from "./official-document";
import { renderStackedBars } from "./chart";

export type DraftReviewReportFigures = {
  unit: { id: number; code: string; name: string; level: string };
  period: string;
  deadline: string;
  totals: ReviewCounts;
  children: (ReviewCounts & { name: string; level?: OrgLevel })[];
  /** Drafts carrying each flag a reviewer decided. */
  flags: Record<DraftFlagKey, number>;
  feedback: { sent: number; acknowledged: number };
  notable: { branch: string; ward: string | null; decision: string; summary: string }[];
};

const NOTABLE_CASES = 5;
const QUOTE_LENGTH = 400;

/**
 * What the monthly report on the review of drafts says, from the same
 * summary the progress page and the dashboard read (getDraftReviewSummary),
 * plus the flags by kind, the notable cases and the feedback of the period.
 */
export async function collectDraftReviewFigures(actor: Actor, orgUnitId: number, period: string): Promise<DraftReviewReportFigures> {
  const summary = await getDraftReviewSummary(actor, { orgUnitId, period });
  const unit = await findUnitInScope(actor, summary.orgUnit.id, "org.read");
  const under = branchesUnderSql(unit.path, { period });
  const [flagRows, feedback, notable] = await Promise.all([
    db().$queryRaw<{ flag: DraftFlagKey; drafts: number }[]>`
      SELECT f.flag::text AS flag, count(*)::int AS drafts
      FROM "Draft" d CROSS JOIN LATERAL unnest(d.flags) AS f(flag)
      WHERE d.period = ${period} AND d."branchId" IN (SELECT branch_id FROM (${under}) u)
      GROUP BY f.flag`,
    db().$queryRaw<{ sent: number; acknowledged: number }[]>`
      SELECT count(*)::int AS sent, count(*) FILTER (WHERE f."acknowledgedAt" IS NOT NULL)::int AS acknowledged
      FROM "Feedback" f WHERE f.period = ${period} AND f."branchId" IN (SELECT branch_id FROM (${under}) u)`,
    // The latest decision per draft that sent it back or flagged it; most flags first.
    db().$queryRaw<{ branch: string; ward: string | null; decision: string; summary: string }[]>`
      SELECT b.name AS branch, w.name AS ward, r.decision::text AS decision, r.summary
      FROM "Draft" d
      JOIN LATERAL (SELECT * FROM "DraftReview" r WHERE r."draftId" = d.id ORDER BY r."createdAt" DESC, r.id DESC LIMIT 1) r ON true
      JOIN "OrgUnit" b ON b.id = d."branchId"
      LEFT JOIN "OrgUnit" w ON w.id = b."parentId"
      WHERE d.period = ${period} AND d."branchId" IN (SELECT branch_id FROM (${under}) u)
        AND (r.decision = 'CHANGES_REQUESTED' OR cardinality(r.flags) > 0) AND length(trim(r.summary)) > 0
      ORDER BY cardinality(r.flags) DESC, r."createdAt" DESC, r.id DESC
      LIMIT ${NOTABLE_CASES}`,
  ]);
  const flags = Object.fromEntries(DRAFT_FLAGS.map((flag) => [flag, flagRows.find((row) => row.flag === flag)?.drafts ?? 0])) as Record<DraftFlagKey, number>;
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name, level: unit.level },
    period,
    deadline: summary.deadline.toISOString(),
    totals: summary.totals,
    children: summary.children.map(({ orgUnit, ...counts }) => ({ ...counts, name: orgUnit.name, level: orgUnit.level })),
    flags,
    feedback: feedback[0] ?? { sent: 0, acknowledged: 0 },
    notable: notable.map((row) => ({ ...row, summary: row.summary.length > QUOTE_LENGTH ? `${row.summary.slice(0, QUOTE_LENGTH - 1)}…` : row.summary })),
  };
}

/** The report's title, summary line and body. */
export function draftReviewReportBody(figures: DraftReviewReportFigures): { summary: string; blocks: Block[] } {
  const { totals } = figures;
  const month = formatPeriod(figures.period).toLowerCase();
  // Documents issued before the children carried their level are named by the unit's level, as they were.
  const childLabel = childUnitsLabel(figures.unit.level as OrgLevel, figures.children.flatMap((child) => (child.level ? [child.level] : []))) ?? "Đơn vị";
  const blocks: Block[] = [
    {
      kind: "paragraph",
      text: `Thực hiện nhiệm vụ theo dõi, góp ý dự thảo nghị quyết hằng tháng của các chi bộ, báo cáo kết quả ${month} của ${figures.unit.name} (hạn nộp ${formatDateTime(figures.deadline)}) như sau:`,
    },
    { kind: "heading", text: "1. Tình hình nộp dự thảo" },
    {
      kind: "paragraph",
      text: `Tổng số ${formatNumber(totals.branches)} chi bộ; đã nộp ${formatNumber(totals.submitted)} dự thảo (${formatPercent(ratio(totals.submitted, totals.branches))}), trong đó đúng hạn ${formatNumber(totals.onTime)}, nộp muộn ${formatNumber(totals.late)}; quá hạn chưa nộp ${formatNumber(totals.missing)} chi bộ${totals.notDue ? `, chưa đến hạn ${formatNumber(totals.notDue)} chi bộ` : ""}.`,
    },
  ];
  if (figures.children.length) {
    blocks.push({
      kind: "table",
      columns: [childLabel, "Chi bộ", "Đã nộp", "Đúng hạn", "Nộp muộn", "Chưa nộp", "Tỷ lệ đúng hạn"],
      numeric: [false, true, true, true, true, true, true],
      lastRowIsTotal: true,
      rows: [...figures.children, { ...totals, name: "Tổng cộng" }].map((row) => [
        row.name,
        formatNumber(row.branches),
        formatNumber(row.submitted),
        formatNumber(row.onTime),
        formatNumber(row.late),
        formatNumber(row.missing),
        formatPercent(ratio(row.onTime, row.branches)),
      ]),
    });
    const chart = renderStackedBars(
      figures.children.map((row) => ({ label: row.name, values: [row.onTime, row.late, row.missing + row.notDue] })),
      [
        { label: "Đúng hạn", color: "#2e7d32" },
        { label: "Nộp muộn", color: "#f9a825" },
        { label: "Chưa nộp", color: "#c62828" },
      ],
      { title: `Tình hình nộp dự thảo ${month}` },
    );
    blocks.push({ kind: "chart", ...chart, caption: `Biểu đồ: số chi bộ nộp đúng hạn, muộn và chưa nộp theo ${childLabel.toLowerCase()}` });
  }
  blocks.push(
    { kind: "heading", text: "2. Kết quả xem xét" },
    {
      kind: "paragraph",
      text: `Đã duyệt ${formatNumber(totals.approved)} dự thảo; yêu cầu chỉnh sửa ${formatNumber(totals.changesRequested)}; đang chờ xem xét ${formatNumber(totals.awaitingReview)}. Số dự thảo bị gắn cờ chất lượng: ${formatNumber(totals.flagged)}.`,
    },
    {
      kind: "table",
      columns: ["Cờ chất lượng", "Số dự thảo"],
      numeric: [false, true],
      rows: DRAFT_FLAGS.map((flag) => [FLAG_LABELS[flag], formatNumber(figures.flags[flag])]),
    },
    { kind: "heading", text: "3. Những trường hợp đáng chú ý" },
  );
  if (figures.notable.length) {
    for (const item of figures.notable) blocks.push({ kind: "quote", source: item.ward ? `${item.branch} (${item.ward})` : item.branch, text: item.summary });
  } else {
    blocks.push({ kind: "paragraph", text: "Trong tháng không có dự thảo phải yêu cầu chỉnh sửa hoặc gắn cờ." });
  }
  blocks.push(
    { kind: "heading", text: "4. Góp ý gửi đảng ủy phường" },
    {
      kind: "paragraph",
      text: `Đã gửi ${formatNumber(figures.feedback.sent)} ý kiến góp ý qua đảng ủy phường; đã xác nhận ${formatNumber(figures.feedback.acknowledged)}; còn ${formatNumber(totals.unacknowledged)} yêu cầu chỉnh sửa chưa xác nhận (${formatNumber(totals.unacknowledgedOverdue)} quá hạn xác nhận).`,
    },
  );
  return { summary: `Kết quả xem xét dự thảo nghị quyết của các chi bộ ${month}`, blocks };
}
