// OpenAPI paths of party fees (docs/fees.md): a branch's monthly fee sheet, recording, download.
import { z } from "zod";
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { FeeExportQuery, FeeSheetQuery, RecordFeesSchema } from "@/lib/fees/schemas";
import { BranchRefSchema, errors, FILE_RESPONSE, IdParams, json, jsonBody, PeriodText, Timestamp } from "./common";

const Count = z.number().int();

const FeeSheetSchema = z
  .looseObject({
    branch: BranchRefSchema,
    period: PeriodText,
    window: z.looseObject({ state: z.enum(["OPEN", "REOPENED", "LOCKED", "FUTURE"]) }),
    rows: z.array(
      z.looseObject({
        member: z.looseObject({ id: Count, code: z.string(), fullName: z.string() }),
        exemption: z.string().nullable().meta({ description: "Lý do không thu (miễn đảng phí, miễn sinh hoạt); null: phải đóng" }),
        fee: z.looseObject({ paid: z.boolean(), amount: Count.nullable().meta({ description: "Đồng" }), reason: z.string().nullable(), recordedBy: z.string(), updatedAt: Timestamp }).nullable(),
      }),
    ),
    totals: z.looseObject({ expected: Count, paid: Count, unpaid: Count, notRecorded: Count, exempt: Count, amount: Count }),
  })
  .meta({ id: "FeeSheet" });

export function registerFeesPaths(registry: OpenAPIRegistry) {
  registry.registerPath({
    method: "get",
    path: "/branches/{id}/fees",
    summary: "Sổ đảng phí của chi bộ trong tháng: mọi đảng viên sinh hoạt trong tháng, người được miễn ghi riêng",
    request: { params: IdParams, query: FeeSheetQuery },
    responses: { 200: json(FeeSheetSchema), ...errors() },
  });
  registry.registerPath({
    method: "put",
    path: "/branches/{id}/fees",
    summary: "Bí thư chi bộ ghi đảng phí của tháng (đã đóng / chưa đóng, số tiền, lý do): idempotent, người không có trong danh sách giữ nguyên",
    description: "Tháng phải đang mở (như ghi cuộc họp); tháng đã khóa trả 409 cho tới khi Ban Tổ chức mở lại.",
    request: { params: IdParams, body: jsonBody(RecordFeesSchema) },
    responses: { 200: json(z.looseObject({ branchId: Count, period: PeriodText, changed: z.boolean(), changedCount: Count }), "Đã ghi"), ...errors(409) },
  });
  registry.registerPath({
    method: "get",
    path: "/branches/{id}/fees/export",
    summary: "Tải sổ đảng phí của tháng (XLSX hoặc CSV)",
    request: { params: IdParams, query: FeeExportQuery },
    responses: { 200: FILE_RESPONSE, ...errors() },
  });
}
