import { z } from "zod";
import { addMonths, PeriodSchema } from "@/lib/periods/period";
import { countCell, dateCell, parseDateCell, yesNoCell } from "./csv-cells";
import { RANKING_METRICS } from "./handbook-figures";
import { todayIso } from "@/lib/format/date";
import { lenientPageParam, pageParam, pageSizeParam } from "@/lib/validation/pagination";

/** Usage figures older than this many months are refused: the handbook is younger than that. */
const USAGE_MAX_AGE_MONTHS = 60;

/** The first day a usage snapshot may describe (five years back, from the first of that month). */
export function oldestUsageDate(today = todayIso()): string {
  return `${addMonths(today.slice(0, 7), -(USAGE_MAX_AGE_MONTHS - 1))}-01`;
}

const OrgUnitIdSchema = z.coerce.number({ message: "orgUnitId phải là số." }).int("orgUnitId phải là số nguyên.").positive("orgUnitId phải là số dương.");
const BranchCodeSchema = z
  .string({ message: "Nhập mã chi bộ." })
  .trim()
  .toUpperCase()
  .min(1, "Nhập mã chi bộ.")
  .max(40, "Mã chi bộ dài tối đa 40 ký tự.");

// ---- Reads (pages and GET /api/v1/stats/handbook...) ----

export const HandbookQuerySchema = z.object({
  orgUnitId: OrgUnitIdSchema.optional(),
  period: PeriodSchema.optional(),
  /** current: the month rolled up under today's tree (restructuring); by default under the tree of that month. */
  tree: z.enum(["as-of", "current"], { message: "tree là as-of (cây lúc đó, mặc định) hoặc current (cây hiện nay)." }).optional(),
});

export const HandbookSeriesQuerySchema = z
  .object({ orgUnitId: OrgUnitIdSchema.optional(), from: PeriodSchema.optional(), to: PeriodSchema.optional() })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { message: "from phải không sau to.", path: ["from"] });

export const LaggingQuerySchema = HandbookQuerySchema.extend({
  page: pageParam,
  pageSize: pageSizeParam(20),
});

export const SnapshotsQuerySchema = z.object({ branchId: z.coerce.number({ message: "branchId phải là số." }).int("branchId phải là số nguyên.").positive("branchId phải là số dương.") });

const HANDBOOK_TABLES = ["children", "series", "lagging", "snapshots"] as const;
export type HandbookTable = (typeof HANDBOOK_TABLES)[number];

export const HandbookExportQuerySchema = HandbookQuerySchema.extend({
  table: z.enum(HANDBOOK_TABLES, { message: "table phải là children, series, lagging hoặc snapshots." }),
  format: z.enum(["csv", "xlsx"], { message: "format phải là csv hoặc xlsx." }).default("xlsx"),
});

/** Dashboard page search params: everything optional, unknown values fall back to defaults. */
export const DashboardParamsSchema = z.object({
  period: PeriodSchema.optional().catch(undefined),
  metric: z.enum(Object.keys(RANKING_METRICS) as [keyof typeof RANKING_METRICS, ...(keyof typeof RANKING_METRICS)[]]).catch("install").default("install"),
  sort: z.enum(["name", "members", "install", "eligible", "meetings", "news", "documents"]).catch("name").default("name"),
  page: lenientPageParam,
});

// ---- Writes: the handbook app's push and the CSV import ----

const PushDateSchema = z
  .string({ message: "Nhập ngày số liệu (YYYY-MM-DD)." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày phải có dạng YYYY-MM-DD.")
  .refine((text) => parseDateCell(text) === text, "Ngày không tồn tại.")
  .refine((text) => text <= todayIso(), "Ngày số liệu không được ở tương lai.")
  .refine((text) => text >= oldestUsageDate(), `Chỉ nhận số liệu trong ${USAGE_MAX_AGE_MONTHS} tháng gần nhất.`);

const CountSchema = (label: string) =>
  z.number({ message: `${label} phải là số.` }).int(`${label} phải là số nguyên.`).min(0, `${label} không được âm.`).max(1_000_000, `${label} tối đa 1.000.000.`);

const UsagePushRowSchema = z.object({
  branchCode: BranchCodeSchema,
  usedInMeetings: z.boolean({ message: "usedInMeetings phải là true hoặc false." }),
  newsPosts: CountSchema("newsPosts").default(0),
  documents: CountSchema("documents").default(0),
});

export const UsagePushSchema = z
  .object({
    date: PushDateSchema,
    rows: z.array(UsagePushRowSchema, { message: "rows phải là một danh sách." }).min(1, "rows cần ít nhất một chi bộ.").max(20_000, "Tối đa 20.000 chi bộ mỗi lần gửi."),
  })
  .superRefine((body, ctx) => {
    const seen = new Map<string, number>();
    body.rows.forEach((row, index) => {
      const first = seen.get(row.branchCode);
      if (first !== undefined) ctx.addIssue({ code: "custom", path: ["rows", index, "branchCode"], message: `Chi bộ ${row.branchCode} lặp lại (đã có ở rows[${first}]).` });
      else seen.set(row.branchCode, index);
    });
  });

/** One line of the usage CSV (values as text; docs/imports.md). */
export const UsageImportRowSchema = z.object({
  branchCode: BranchCodeSchema,
  date: dateCell("ngày số liệu").refine((iso) => iso >= oldestUsageDate(), `Chỉ nhận số liệu trong ${USAGE_MAX_AGE_MONTHS} tháng gần nhất.`),
  usedInMeetings: yesNoCell("cột dùng trong sinh hoạt"),
  newsPosts: countCell("số tin bài").default(0),
  documents: countCell("số văn bản").default(0),
});
export type UsageImportRow = z.infer<typeof UsageImportRowSchema>;
