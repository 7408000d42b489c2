// Handbook figures of one unit and month, as the dashboard and the API show
// them. Shared by server and client components (no server-only imports).
import type { OrgLevel } from "@/lib/generated/prisma/enums";

export type StatRow = {
  membersTotal: number;
  membersEligible: number;
  membersInstalled: number;
  branchesTotal: number;
  branchesReporting: number;
  branchesUsingInMeetings: number;
  newsPosts: number;
  documents: number;
};

export type HandbookFigures = StatRow & {
  /** installed / members, a fraction (0.931); null without members. */
  installRate: number | null;
  /** installed / eligible: above 1 when members outside the required group installed it too (102.43%). */
  eligibleInstallRate: number | null;
  /** branches using the handbook in meetings / branches. */
  meetingUsageRate: number | null;
};

export type UnitRef = { id: number; code: string; name: string; level: OrgLevel; parentId: number | null };

export function figuresOf(row: StatRow): HandbookFigures {
  const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  return {
    membersTotal: row.membersTotal,
    membersEligible: row.membersEligible,
    membersInstalled: row.membersInstalled,
    installRate: rate(row.membersInstalled, row.membersTotal),
    eligibleInstallRate: rate(row.membersInstalled, row.membersEligible),
    branchesTotal: row.branchesTotal,
    branchesReporting: row.branchesReporting,
    branchesUsingInMeetings: row.branchesUsingInMeetings,
    meetingUsageRate: rate(row.branchesUsingInMeetings, row.branchesTotal),
    newsPosts: row.newsPosts,
    documents: row.documents,
  };
}

/** Adoption thresholds in percent, e.g. { low: 50, high: 80 } (lib/stats/settings.ts). */
export type Thresholds = { low: number; high: number };

export type RateTone = "ok" | "warn" | "bad" | "neutral";

/** Green at or above the high threshold, amber between, red below the low one. */
export function rateTone(rate: number | null, thresholds: Thresholds): RateTone {
  if (rate === null) return "neutral";
  if (rate * 100 >= thresholds.high) return "ok";
  if (rate * 100 >= thresholds.low) return "warn";
  return "bad";
}

export const TONE_COLORS: Record<RateTone, string> = { ok: "#1a7f37", warn: "#d08c00", bad: "#c62828", neutral: "#8a94a0" };

/** What the ranking of child units compares. */
export const RANKING_METRICS = {
  install: { label: "Tỷ lệ đảng viên đã cài", value: (f: HandbookFigures) => f.installRate },
  eligible: { label: "Tỷ lệ cài trên số thuộc diện", value: (f: HandbookFigures) => f.eligibleInstallRate },
  meetings: { label: "Tỷ lệ chi bộ báo dùng Sổ tay trong sinh hoạt", value: (f: HandbookFigures) => f.meetingUsageRate },
} as const;
export type RankingMetric = keyof typeof RANKING_METRICS;
