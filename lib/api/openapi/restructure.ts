// OpenAPI paths of restructuring (docs/restructuring.md): merge, split, move,
// rename, close with a preview; the history of a unit.
import { z } from "zod";
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { RestructureQuerySchema, RestructureSchema } from "@/lib/org/restructure/schemas";
import { errors, IdParams, IsoDay, json, jsonBody } from "./common";

const Count = z.number().int();
const UnitRef = z.looseObject({ id: Count, code: z.string(), name: z.string(), level: z.string() });

const RestructureResultSchema = z
  .looseObject({
    preview: z.boolean(),
    event: z.looseObject({ id: Count.nullable(), type: z.enum(["MERGE", "SPLIT", "MOVE", "RENAME", "CLOSE"]), effectiveDate: IsoDay, summary: z.string() }),
    moves: z.looseObject({ branches: Count, members: Count, users: Count, tokens: Count, openFeedback: Count }),
    created: z.array(UnitRef),
    closed: z.array(UnitRef),
    renamed: z.array(UnitRef.extend({ oldName: z.string() })),
    moved: z.array(UnitRef.extend({ from: UnitRef.nullable(), to: UnitRef })),
    accounts: z.array(z.looseObject({ id: Count, username: z.string(), action: z.enum(["MOVE", "DISABLE"]), to: UnitRef.nullable() })),
    warnings: z.array(z.string()).optional().meta({ description: "Cảnh báo không chặn thay đổi, ví dụ hai đơn vị cùng tên dưới một đơn vị cấp trên" }),
  })
  .meta({ id: "RestructureResult" });

const HistoryUnit = UnitRef.extend({ validTo: IsoDay.nullable() });
const LineageUnit = HistoryUnit.extend({ kind: z.string(), effectiveDate: IsoDay });

const UnitHistorySchema = z
  .looseObject({
    unit: UnitRef.extend({ validFrom: IsoDay, validTo: IsoDay.nullable() }),
    placements: z.array(z.looseObject({ validFrom: IsoDay, validTo: IsoDay.nullable(), name: z.string(), parent: HistoryUnit.nullable(), eventId: Count.nullable() })),
    events: z.array(z.looseObject({ id: Count, type: z.string(), effectiveDate: IsoDay, summary: z.string(), links: z.array(z.looseObject({ kind: z.string(), from: HistoryUnit, to: HistoryUnit.nullable() })) })),
    predecessors: z.array(LineageUnit),
    successors: z.array(LineageUnit),
  })
  .meta({ id: "UnitHistory" });

export function registerRestructurePaths(registry: OpenAPIRegistry) {
  registry.registerPath({
    method: "post",
    path: "/org-units/restructure",
    summary: "Tái cấu trúc cây tổ chức (quản trị viên): hợp nhất, chia tách, chuyển trực thuộc, đổi tên, giải thể",
    description:
      "Với `?preview=1`: trả về những gì sẽ chuyển đi, không ghi gì. Không có preview: áp dụng trong một giao dịch (cây, lịch sử vị trí, dòng dõi, tài khoản, số liệu tổng hợp, nhật ký) — lỗi giữa chừng thì không có gì thay đổi. " +
      "Số liệu các kỳ trước ngày hiệu lực vẫn tính theo cây lúc đó.",
    request: { query: RestructureQuerySchema, body: jsonBody(RestructureSchema) },
    responses: { 200: json(RestructureResultSchema, "Xem trước"), 201: json(RestructureResultSchema, "Đã áp dụng"), ...errors(409) },
  });
  registry.registerPath({
    method: "get",
    path: "/org-units/{id}/history",
    summary: "Lịch sử một đơn vị: các vị trí theo thời gian, sự kiện tái cấu trúc, đơn vị tiền thân và kế tục",
    request: { params: IdParams },
    responses: { 200: json(UnitHistorySchema), ...errors() },
  });
}
