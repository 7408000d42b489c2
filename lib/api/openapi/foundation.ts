// OpenAPI paths of the foundation: health, me, org units, CSV imports.
import { z } from "zod";
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { ChildUnitsQuerySchema } from "@/lib/org/schemas";
import { ImportQuerySchema } from "@/lib/imports/schemas";
import { errors, IdParams, IsoDay, json, OrgLevelSchema, OrgUnitRefSchema, page, RoleSchema } from "./common";

const HealthSchema = z.object({ status: z.enum(["ok", "degraded"]), database: z.enum(["ok", "unavailable"]) }).meta({ id: "Health" });

const OrgUnitSchema = z
  .looseObject({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    level: OrgLevelSchema,
    parentId: z.number().int().nullable(),
    path: z.string().meta({ description: "Mã số các đơn vị từ gốc, ví dụ /1/2/15/" }),
  })
  .meta({ id: "OrgUnit" });

const Count = z.number().int();
const OrgUnitWithCountsSchema = OrgUnitSchema.extend({
  counts: z.looseObject({ wards: Count, branches: Count, members: Count, children: Count }),
}).meta({ id: "OrgUnitWithCounts" });

const ImportResultSchema = z.looseObject({
  jobId: z.string(),
  dryRun: z.boolean(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  errors: z.array(z.looseObject({ row: z.number().int(), field: z.string().optional(), message: z.string() })),
});

export function registerFoundationPaths(registry: OpenAPIRegistry) {
  registry.registerPath({
    method: "get",
    path: "/health",
    summary: "Tình trạng ứng dụng và cơ sở dữ liệu",
    security: [],
    responses: { 200: json(HealthSchema, "Hoạt động bình thường"), 503: json(HealthSchema, "Không truy cập được cơ sở dữ liệu") },
  });
  registry.registerPath({
    method: "get",
    path: "/openapi.json",
    summary: "Tài liệu OpenAPI này",
    security: [],
    responses: { 200: json(z.looseObject({ openapi: z.string() }), "Tài liệu OpenAPI 3.1") },
  });
  registry.registerPath({
    method: "get",
    path: "/me",
    summary: "Người dùng hoặc mã truy cập đang gọi",
    responses: {
      200: json(z.object({ username: z.string(), displayName: z.string(), role: RoleSchema, kind: z.enum(["user", "token"]), orgUnit: OrgUnitRefSchema }), "Danh tính và đơn vị gốc của phạm vi"),
      ...errors(),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/org-units",
    summary: "Các đơn vị con trong phạm vi (không có parentId: đơn vị gốc của phạm vi)",
    request: { query: ChildUnitsQuerySchema },
    responses: { 200: json(page(OrgUnitWithCountsSchema), "Danh sách đơn vị"), ...errors() },
  });
  registry.registerPath({
    method: "get",
    path: "/org-units/{id}",
    summary: "Một đơn vị, đường dẫn tổ tiên và số liệu",
    request: { params: IdParams },
    responses: {
      200: json(
        OrgUnitSchema.extend({
          validFrom: IsoDay,
          validTo: IsoDay.nullable(),
          ancestors: z.array(OrgUnitRefSchema),
          counts: z.object({ branches: Count, members: Count, wards: Count, children: Count }),
        }),
        "Đơn vị",
      ),
      ...errors(),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/imports/{kind}",
    summary: "Nhập tệp CSV (members, attendance, fees, usage): dòng lỗi không được ghi, dòng hợp lệ ghi cùng một giao dịch (fees: còn dòng lỗi thì không ghi gì)",
    request: {
      params: z.object({ kind: z.enum(["members", "attendance", "fees", "usage"]) }),
      query: ImportQuerySchema,
      body: { required: true, content: { "text/csv": { schema: z.string() } } },
    },
    responses: { 200: json(ImportResultSchema), ...errors(413) },
  });
  registry.registerPath({
    method: "get",
    path: "/imports/jobs/{id}",
    summary: "Tiến độ một lượt nhập của chính người gọi",
    request: { params: z.object({ id: z.uuid() }) },
    responses: {
      200: json(
        z.looseObject({
          id: z.string(),
          kind: z.string(),
          dryRun: z.boolean(),
          status: z.enum(["RUNNING", "SUCCEEDED", "FAILED"]),
          totalRows: Count,
          processedRows: Count,
          accepted: Count,
          rejected: Count,
        }),
        "Tiến độ",
      ),
      ...errors(),
    },
  });
}
