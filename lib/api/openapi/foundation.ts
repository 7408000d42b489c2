// OpenAPI paths of the foundation: health, me, org units. Each feature area
// keeps its own file and registers it in ./document.ts.
const errorResponses = {
  "400": { $ref: "#/components/responses/ValidationFailed" },
  "401": { $ref: "#/components/responses/Unauthenticated" },
  "403": { $ref: "#/components/responses/Forbidden" },
  "404": { $ref: "#/components/responses/NotFound" },
};

export const foundationPaths = {
  "/health": {
    get: {
      summary: "Tình trạng ứng dụng và cơ sở dữ liệu",
      security: [],
      responses: {
        "200": { description: "Hoạt động bình thường", content: { "application/json": { schema: { $ref: "#/components/schemas/Health" } } } },
        "503": { description: "Không truy cập được cơ sở dữ liệu", content: { "application/json": { schema: { $ref: "#/components/schemas/Health" } } } },
      },
    },
  },
  "/me": {
    get: {
      summary: "Người dùng hoặc mã truy cập đang gọi",
      responses: {
        "200": {
          description: "Danh tính và đơn vị gốc của phạm vi",
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["username", "displayName", "role", "orgUnit"],
                properties: {
                  username: { type: "string" },
                  displayName: { type: "string" },
                  role: { $ref: "#/components/schemas/Role" },
                  kind: { type: "string", enum: ["user", "token"] },
                  orgUnit: { $ref: "#/components/schemas/OrgUnitRef" },
                },
              },
            },
          },
        },
        "401": errorResponses["401"],
      },
    },
  },
  "/org-units": {
    get: {
      summary: "Các đơn vị con trong phạm vi (không có parentId: đơn vị gốc của phạm vi)",
      parameters: [{ name: "parentId", in: "query", schema: { type: "integer", minimum: 1 } }],
      responses: {
        "200": {
          description: "Danh sách đơn vị",
          content: {
            "application/json": {
              schema: {
                allOf: [
                  { $ref: "#/components/schemas/Page" },
                  { type: "object", properties: { items: { type: "array", items: { $ref: "#/components/schemas/OrgUnitWithCounts" } } } },
                ],
              },
            },
          },
        },
        ...errorResponses,
      },
    },
  },
  "/org-units/{id}": {
    get: {
      summary: "Một đơn vị, đường dẫn tổ tiên và số liệu",
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
      responses: {
        "200": {
          description: "Đơn vị",
          content: {
            "application/json": {
              schema: {
                allOf: [
                  { $ref: "#/components/schemas/OrgUnit" },
                  {
                    type: "object",
                    properties: {
                      validFrom: { type: "string", format: "date" },
                      validTo: { type: "string", format: "date", nullable: true },
                      ancestors: { type: "array", items: { $ref: "#/components/schemas/OrgUnitRef" } },
                      counts: {
                        type: "object",
                        properties: { branches: { type: "integer" }, members: { type: "integer" }, wards: { type: "integer" }, children: { type: "integer" } },
                      },
                    },
                  },
                ],
              },
            },
          },
        },
        ...errorResponses,
      },
    },
  },
};

export const importPaths = {
  "/imports/{kind}": {
    post: {
      summary: "Nhập tệp CSV (members, attendance, usage): dòng lỗi không được ghi, dòng hợp lệ ghi cùng một giao dịch",
      parameters: [
        { name: "kind", in: "path", required: true, schema: { type: "string", enum: ["members", "attendance", "usage"] } },
        { name: "dryRun", in: "query", schema: { type: "string", enum: ["0", "1"] }, description: "1: chỉ kiểm tra, không ghi" },
        { name: "jobId", in: "query", schema: { type: "string", format: "uuid" }, description: "Mã lượt nhập do bên gọi đặt, để theo dõi tiến độ" },
      ],
      requestBody: { required: true, content: { "text/csv": { schema: { type: "string" } } } },
      responses: {
        "200": {
          description: "Kết quả",
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  jobId: { type: "string" },
                  dryRun: { type: "boolean" },
                  accepted: { type: "integer" },
                  rejected: { type: "integer" },
                  errors: { type: "array", items: { type: "object", properties: { row: { type: "integer" }, field: { type: "string" }, message: { type: "string" } } } },
                },
              },
            },
          },
        },
        ...errorResponses,
        "413": { $ref: "#/components/responses/PayloadTooLarge" },
      },
    },
  },
  "/imports/jobs/{id}": {
    get: {
      summary: "Tiến độ một lượt nhập của chính người gọi",
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
      responses: {
        "200": { description: "Tiến độ: status, totalRows, processedRows, accepted, rejected" },
        ...errorResponses,
      },
    },
  },
};

export const foundationSchemas = {
  Health: {
    type: "object",
    properties: { status: { type: "string", enum: ["ok", "degraded"] }, database: { type: "string", enum: ["ok", "unavailable"] } },
  },
  Role: { type: "string", enum: ["ADMIN", "BOARD_REVIEWER", "WARD_COMMITTEE", "BRANCH_SECRETARY", "LEADER"] },
  OrgLevel: { type: "string", enum: ["CITY", "DISTRICT", "WARD", "BRANCH"] },
  OrgUnitRef: {
    type: "object",
    required: ["id", "code", "name", "level"],
    properties: { id: { type: "integer" }, code: { type: "string" }, name: { type: "string" }, level: { $ref: "#/components/schemas/OrgLevel" } },
  },
  OrgUnit: {
    type: "object",
    required: ["id", "code", "name", "level", "parentId", "path"],
    properties: {
      id: { type: "integer" },
      code: { type: "string" },
      name: { type: "string" },
      level: { $ref: "#/components/schemas/OrgLevel" },
      parentId: { type: "integer", nullable: true },
      path: { type: "string", description: "Mã số các đơn vị từ gốc, ví dụ /1/2/15/" },
    },
  },
  OrgUnitWithCounts: {
    allOf: [
      { $ref: "#/components/schemas/OrgUnit" },
      {
        type: "object",
        properties: {
          counts: {
            type: "object",
            properties: { wards: { type: "integer" }, branches: { type: "integer" }, members: { type: "integer" }, membersExpected: { type: "integer" }, children: { type: "integer" } },
          },
        },
      },
    ],
  },
};
