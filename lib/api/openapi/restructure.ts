// OpenAPI paths of restructuring (issue 6): merge, split, move, rename, close with a preview; unit history.
const errors = {
  "400": { $ref: "#/components/responses/ValidationFailed" },
  "401": { $ref: "#/components/responses/Unauthenticated" },
  "403": { $ref: "#/components/responses/Forbidden" },
  "404": { $ref: "#/components/responses/NotFound" },
};
const json = (schema: object, description = "Kết quả") => ({ description, content: { "application/json": { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const id = { type: "integer", minimum: 1 };
const date = { type: "string", pattern: "^\\d{4}-\\d{2}-01$", example: "2026-12-01", description: "Ngày hiệu lực: luôn là ngày đầu tháng" };
const users = { type: "string", enum: ["MOVE", "DISABLE"], default: "MOVE", description: "Tài khoản có phạm vi là đơn vị bị hợp nhất/chia tách: chuyển sang đơn vị mới hoặc khóa" };
const unitRef = { type: "object", properties: { id, code: { type: "string" }, name: { type: "string" }, level: { type: "string" } } };

export const restructurePaths = {
  "/org-units/restructure": {
    post: {
      summary: "Tái cấu trúc cây tổ chức (quản trị viên): hợp nhất, chia tách, chuyển trực thuộc, đổi tên, giải thể",
      description:
        "Với `?preview=1`: trả về những gì sẽ chuyển đi, không ghi gì. Không có preview: áp dụng trong một giao dịch (cây, lịch sử vị trí, dòng dõi, tài khoản, số liệu tổng hợp, nhật ký) — lỗi giữa chừng thì không có gì thay đổi. " +
        "Số liệu các kỳ trước ngày hiệu lực vẫn tính theo cây lúc đó.",
      parameters: [{ name: "preview", in: "query", schema: { type: "string", enum: ["1", "0"] } }],
      requestBody: { required: true, content: { "application/json": { schema: ref("RestructureRequest") } } },
      responses: { "200": json(ref("RestructureResult"), "Xem trước"), "201": json(ref("RestructureResult"), "Đã áp dụng"), "409": { $ref: "#/components/responses/Conflict" }, ...errors },
    },
  },
  "/org-units/{id}/history": {
    get: {
      summary: "Lịch sử một đơn vị: các vị trí theo thời gian, sự kiện tái cấu trúc, đơn vị tiền thân và kế tục",
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
      responses: { "200": json(ref("UnitHistory")), ...errors },
    },
  },
};

export const restructureSchemas = {
  RestructureRequest: {
    oneOf: [
      { type: "object", required: ["type", "effectiveDate", "sourceIds", "target"], properties: { type: { const: "MERGE" }, effectiveDate: date, sourceIds: { type: "array", items: id }, target: { oneOf: [{ type: "object", required: ["id"], properties: { id } }, { type: "object", required: ["name", "code"], properties: { name: { type: "string" }, code: { type: "string" }, parentId: id } }] }, users } },
      { type: "object", required: ["type", "effectiveDate", "sourceId", "targets"], properties: { type: { const: "SPLIT" }, effectiveDate: date, sourceId: id, targets: { type: "array", minItems: 2, items: { type: "object", required: ["name", "code", "childIds"], properties: { name: { type: "string" }, code: { type: "string" }, childIds: { type: "array", items: id } } } }, users, usersTarget: { type: "integer", minimum: 0 } } },
      { type: "object", required: ["type", "effectiveDate", "unitId", "newParentId"], properties: { type: { const: "MOVE" }, effectiveDate: date, unitId: id, newParentId: id } },
      { type: "object", required: ["type", "effectiveDate", "unitId", "name"], properties: { type: { const: "RENAME" }, effectiveDate: date, unitId: id, name: { type: "string" }, code: { type: "string" } } },
      { type: "object", required: ["type", "effectiveDate", "unitId"], properties: { type: { const: "CLOSE" }, effectiveDate: date, unitId: id } },
    ],
  },
  RestructureResult: {
    type: "object",
    required: ["event", "moves"],
    properties: {
      preview: { type: "boolean" },
      event: { type: "object", properties: { id: { type: ["integer", "null"] }, type: { type: "string" }, effectiveDate: { type: "string" }, summary: { type: "string" } } },
      moves: { type: "object", properties: { branches: { type: "integer" }, members: { type: "integer" }, users: { type: "integer" }, tokens: { type: "integer" }, openFeedback: { type: "integer" } } },
      created: { type: "array", items: unitRef },
      closed: { type: "array", items: unitRef },
      moved: { type: "array", items: { allOf: [unitRef, { type: "object", properties: { from: unitRef, to: unitRef } }] } },
      accounts: { type: "array", items: { type: "object", properties: { id, username: { type: "string" }, action: { type: "string", enum: ["MOVE", "DISABLE"] }, to: unitRef } } },
      warnings: { type: "array", items: { type: "string" }, description: "Cảnh báo không chặn thay đổi, ví dụ hai đơn vị cùng tên dưới một đơn vị cấp trên" },
    },
  },
  UnitHistory: {
    type: "object",
    properties: {
      unit: unitRef,
      placements: { type: "array", items: { type: "object", properties: { validFrom: { type: "string" }, validTo: { type: ["string", "null"] }, name: { type: "string" }, parent: unitRef, eventId: { type: ["integer", "null"] } } } },
      events: { type: "array", items: { type: "object", properties: { id, type: { type: "string" }, effectiveDate: { type: "string" }, summary: { type: "string" }, links: { type: "array", items: { type: "object" } } } } },
      predecessors: { type: "array", items: unitRef },
      successors: { type: "array", items: unitRef },
    },
  },
};
