import "server-only";
// Query strings of the meeting endpoints (shared by the API routes and their tests).
import { z } from "zod";
import { PeriodSchema } from "@/lib/periods/period";
import { PaginationSchema } from "@/lib/api/handler";
import { ALERT_KINDS, SCHEDULE_STATES } from "./labels";
import { OrgUnitIdSchema, YearSchema } from "./schemas";

export const ListMeetingsQuery = PaginationSchema.extend({ period: PeriodSchema.optional(), orgUnitId: OrgUnitIdSchema });
export const ComplianceQuery = z.object({ period: PeriodSchema.optional(), orgUnitId: OrgUnitIdSchema });
export const ComplianceExportQuery = ComplianceQuery.extend({
  format: z.enum(["xlsx", "csv"], { message: "format là xlsx hoặc csv." }).default("xlsx"),
  table: z.enum(["summary", "months"], { message: "table là summary hoặc months." }).default("summary"),
});
export const AlertsQuery = z.object({
  period: PeriodSchema.optional(),
  orgUnitId: OrgUnitIdSchema,
  kind: z.enum(ALERT_KINDS, { message: "kind không hợp lệ." }).optional(),
  includeDismissed: z.enum(["0", "1", "true", "false"], { message: "includeDismissed là 0 hoặc 1." }).optional(),
});
export const FlagsQuery = PaginationSchema.extend({ year: YearSchema.optional(), orgUnitId: OrgUnitIdSchema });
export const BranchMembersQuery = PaginationSchema.extend({
  includeFormer: z.enum(["0", "1", "true", "false"], { message: "includeFormer là 0 hoặc 1." }).optional(),
});
export const SchedulesQuery = PaginationSchema.extend({
  period: PeriodSchema,
  orgUnitId: OrgUnitIdSchema,
  state: z.enum(SCHEDULE_STATES, { message: "state là ON_TIME, LATE hoặc NOT_ANNOUNCED." }).optional(),
});
