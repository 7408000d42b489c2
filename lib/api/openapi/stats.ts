// OpenAPI paths of handbook adoption and usage (docs/stats.md).
import { z } from "zod";
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { HandbookExportQuerySchema, HandbookQuerySchema, HandbookSeriesQuerySchema, LaggingQuerySchema, SnapshotsQuerySchema, UsagePushSchema } from "@/lib/stats/schemas";
import { BranchRefSchema, errors, FILE_RESPONSE, IsoDay, json, jsonBody, OrgUnitRefSchema, page, PeriodText, Timestamp, WardRefSchema } from "./common";

const Count = z.number().int();
const Rate = z.number().nullable();

const HandbookFiguresSchema = z
  .looseObject({
    membersTotal: Count.meta({ description: "Đảng viên (đang sinh hoạt và miễn sinh hoạt) cuối tháng" }),
    membersEligible: Count.meta({ description: "Đảng viên thuộc diện cài Sổ tay" }),
    membersInstalled: Count.meta({ description: "Đảng viên đã cài Sổ tay" }),
    installRate: Rate.meta({ description: "membersInstalled / membersTotal (phân số, 0.931 = 93,1%)" }),
    eligibleInstallRate: Rate.meta({ description: "membersInstalled / membersEligible; có thể lớn hơn 1" }),
    branchesTotal: Count,
    branchesReporting: Count.meta({ description: "Chi bộ có báo cáo sử dụng trong tháng" }),
    branchesUsingInMeetings: Count,
    meetingUsageRate: Rate,
    newsPosts: Count.meta({ description: "Tin bài đăng trong tháng" }),
    documents: Count.meta({ description: "Văn bản đăng trong tháng" }),
  })
  .meta({ id: "HandbookFigures" });

const OverviewSchema = HandbookFiguresSchema.extend({
  orgUnit: OrgUnitRefSchema,
  period: PeriodText,
  tree: z.enum(["as-of", "current"]),
  periods: z.array(PeriodText).meta({ description: "Các tháng có số liệu, mới nhất trước" }),
  computedAt: Timestamp.meta({ description: "Lúc số liệu tổng hợp được tính" }),
  children: z.array(HandbookFiguresSchema.extend({ orgUnit: OrgUnitRefSchema, period: PeriodText })),
});

const SnapshotSchema = z.looseObject({
  date: IsoDay,
  period: PeriodText,
  usedInMeetings: z.boolean(),
  newsPosts: Count,
  documents: Count,
  source: z.string(),
  updatedAt: Timestamp,
  countsForMonth: z.boolean().meta({ description: "Lần báo cáo muộn nhất của tháng: số liệu của tháng" }),
});

const LaggingSchema = page(HandbookFiguresSchema.extend({ branch: BranchRefSchema, ward: WardRefSchema.nullable(), reasons: z.array(z.enum(["LOW_INSTALL", "NOT_IN_MEETINGS"])) })).extend({
  orgUnit: OrgUnitRefSchema,
  period: PeriodText,
  thresholds: z.object({ low: z.number(), high: z.number() }),
});

export function registerStatsPaths(registry: OpenAPIRegistry) {
  registry.registerPath({
    method: "get",
    path: "/stats/handbook",
    summary: "Cài đặt và sử dụng Sổ tay điện tử của một đơn vị trong một tháng, kèm từng đơn vị trực thuộc",
    description: "Không có orgUnitId: đơn vị gốc của phạm vi; không có period: tháng mới nhất có số liệu. tree=current: tổng hợp theo cây hiện nay.",
    request: { query: HandbookQuerySchema },
    responses: { 200: json(OverviewSchema), ...errors() },
  });
  registry.registerPath({
    method: "put",
    path: "/stats/handbook",
    summary: "Ứng dụng Sổ tay gửi số liệu sử dụng của nhiều chi bộ tính đến một ngày (quyền stats.push; idempotent theo chi bộ + ngày)",
    description:
      "Tất cả hoặc không: một dòng sai (chi bộ không có trong phạm vi, lặp chi bộ, số âm) thì trả 400 với danh sách lỗi theo dòng và không ghi gì. " +
      "Gửi lại cùng nội dung không thay đổi gì (unchanged). Số liệu của tháng là lần gửi có ngày muộn nhất trong tháng.",
    request: { body: jsonBody(UsagePushSchema) },
    responses: {
      200: json(z.looseObject({ date: IsoDay, period: PeriodText, accepted: Count, created: Count, updated: Count, unchanged: Count })),
      ...errors(413),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/stats/handbook/series",
    summary: "Số liệu Sổ tay theo tháng của một đơn vị (mặc định 24 tháng gần nhất), cũ nhất trước",
    request: { query: HandbookSeriesQuerySchema },
    responses: { 200: json(page(HandbookFiguresSchema.extend({ period: PeriodText })).extend({ orgUnit: OrgUnitRefSchema, from: PeriodText, to: PeriodText })), ...errors() },
  });
  registry.registerPath({
    method: "get",
    path: "/stats/handbook/lagging",
    summary: "Chi bộ chậm: tỷ lệ cài dưới ngưỡng thấp hoặc chưa dùng Sổ tay trong sinh hoạt, tỷ lệ cài thấp nhất trước",
    request: { query: LaggingQuerySchema },
    responses: { 200: json(LaggingSchema), ...errors() },
  });
  registry.registerPath({
    method: "get",
    path: "/stats/handbook/snapshots",
    summary: "Các lần báo cáo sử dụng Sổ tay của một chi bộ, mới nhất trước",
    request: { query: SnapshotsQuerySchema },
    responses: { 200: json(page(SnapshotSchema)), ...errors() },
  });
  registry.registerPath({
    method: "get",
    path: "/stats/handbook/export",
    summary: "Tải một bảng của bảng điều hành Sổ tay (CSV hoặc XLSX)",
    request: { query: HandbookExportQuerySchema },
    responses: { 200: FILE_RESPONSE, ...errors() },
  });
}
