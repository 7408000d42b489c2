// OpenAPI paths of handbook adoption and usage. Registered in ./document.ts.
const errorResponses = {
  "400": { $ref: "#/components/responses/ValidationFailed" },
  "401": { $ref: "#/components/responses/Unauthenticated" },
  "403": { $ref: "#/components/responses/Forbidden" },
  "404": { $ref: "#/components/responses/NotFound" },
};

const json = (schema: object, description = "Kết quả") => ({ description, content: { "application/json": { schema } } });
const orgUnitId = { name: "orgUnitId", in: "query", schema: { type: "integer", minimum: 1 }, description: "Đơn vị trong phạm vi; mặc định là gốc phạm vi của người gọi" };
const period = { name: "period", in: "query", schema: { type: "string", pattern: "^\\d{4}-\\d{2}$" }, description: "Tháng YYYY-MM; mặc định là tháng mới nhất có số liệu" };

export const statsPaths = {
  "/stats/handbook": {
    get: {
      summary: "Cài đặt và sử dụng Sổ tay điện tử của một đơn vị trong một tháng, kèm từng đơn vị trực thuộc",
      parameters: [orgUnitId, period],
      responses: {
        "200": json({
          allOf: [
            { $ref: "#/components/schemas/HandbookFigures" },
            {
              type: "object",
              required: ["orgUnit", "period", "children"],
              properties: {
                orgUnit: { $ref: "#/components/schemas/OrgUnitRef" },
                period: { type: "string" },
                periods: { type: "array", items: { type: "string" }, description: "Các tháng có số liệu, mới nhất trước" },
                computedAt: { type: "string", format: "date-time", description: "Lúc số liệu tổng hợp được tính" },
                children: {
                  type: "array",
                  items: { allOf: [{ $ref: "#/components/schemas/HandbookFigures" }, { type: "object", properties: { orgUnit: { $ref: "#/components/schemas/OrgUnitRef" }, period: { type: "string" } } }] },
                },
              },
            },
          ],
        }),
        ...errorResponses,
      },
    },
    put: {
      summary: "Ứng dụng Sổ tay gửi số liệu sử dụng của nhiều chi bộ tính đến một ngày (quyền stats.push; idempotent theo chi bộ + ngày)",
      description:
        "Tất cả hoặc không: một dòng sai (chi bộ không có trong phạm vi, lặp chi bộ, số âm) thì trả 400 với danh sách lỗi theo dòng và không ghi gì. " +
        "Gửi lại cùng nội dung không thay đổi gì (unchanged). Số liệu của tháng là lần gửi có ngày muộn nhất trong tháng.",
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object",
              required: ["date", "rows"],
              properties: {
                date: { type: "string", format: "date", description: "Số liệu tính đến ngày này (không ở tương lai, trong 60 tháng gần nhất)" },
                rows: {
                  type: "array",
                  minItems: 1,
                  maxItems: 20000,
                  items: {
                    type: "object",
                    required: ["branchCode", "usedInMeetings"],
                    properties: {
                      branchCode: { type: "string" },
                      usedInMeetings: { type: "boolean", description: "Trong tháng, chi bộ có dùng Sổ tay khi sinh hoạt" },
                      newsPosts: { type: "integer", minimum: 0, default: 0, description: "Tin bài đã đăng trong tháng" },
                      documents: { type: "integer", minimum: 0, default: 0, description: "Văn bản đã đăng trong tháng" },
                    },
                  },
                },
              },
            },
          },
        },
      },
      responses: {
        "200": json({
          type: "object",
          properties: {
            date: { type: "string", format: "date" },
            period: { type: "string" },
            accepted: { type: "integer" },
            created: { type: "integer" },
            updated: { type: "integer" },
            unchanged: { type: "integer" },
          },
        }),
        ...errorResponses,
        "413": { $ref: "#/components/responses/PayloadTooLarge" },
      },
    },
  },
  "/stats/handbook/series": {
    get: {
      summary: "Số liệu Sổ tay theo tháng của một đơn vị (mặc định 24 tháng gần nhất)",
      parameters: [orgUnitId, { name: "from", in: "query", schema: { type: "string" } }, { name: "to", in: "query", schema: { type: "string" } }],
      responses: {
        "200": json({
          type: "object",
          properties: {
            orgUnit: { $ref: "#/components/schemas/OrgUnitRef" },
            from: { type: "string" },
            to: { type: "string" },
            items: { type: "array", items: { allOf: [{ type: "object", properties: { period: { type: "string" } } }, { $ref: "#/components/schemas/HandbookFigures" }] } },
            total: { type: "integer" },
            page: { type: "integer" },
            pageSize: { type: "integer" },
          },
        }),
        ...errorResponses,
      },
    },
  },
  "/stats/handbook/lagging": {
    get: {
      summary: "Chi bộ chậm: tỷ lệ cài dưới ngưỡng thấp hoặc chưa dùng Sổ tay trong sinh hoạt, tỷ lệ cài thấp nhất trước",
      parameters: [orgUnitId, period, { name: "page", in: "query", schema: { type: "integer" } }, { name: "pageSize", in: "query", schema: { type: "integer", maximum: 500, default: 20 } }],
      responses: { "200": json({ $ref: "#/components/schemas/Page" }), ...errorResponses },
    },
  },
  "/stats/handbook/snapshots": {
    get: {
      summary: "Các lần báo cáo sử dụng Sổ tay của một chi bộ, mới nhất trước",
      parameters: [{ name: "branchId", in: "query", required: true, schema: { type: "integer" } }],
      responses: { "200": json({ $ref: "#/components/schemas/Page" }), ...errorResponses },
    },
  },
  "/stats/handbook/export": {
    get: {
      summary: "Tải một bảng của bảng điều hành Sổ tay (CSV hoặc XLSX)",
      parameters: [
        orgUnitId,
        period,
        { name: "table", in: "query", required: true, schema: { type: "string", enum: ["children", "series", "lagging", "snapshots"] } },
        { name: "format", in: "query", schema: { type: "string", enum: ["csv", "xlsx"], default: "xlsx" } },
      ],
      responses: {
        "200": {
          description: "Tệp tải về",
          content: { "text/csv": { schema: { type: "string" } }, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } } },
        },
        ...errorResponses,
      },
    },
  },
};

export const statsSchemas = {
  HandbookFigures: {
    type: "object",
    properties: {
      membersTotal: { type: "integer", description: "Đảng viên (đang sinh hoạt và miễn sinh hoạt) cuối tháng" },
      membersEligible: { type: "integer", description: "Đảng viên thuộc diện cài Sổ tay" },
      membersInstalled: { type: "integer", description: "Đảng viên đã cài Sổ tay" },
      installRate: { type: "number", nullable: true, description: "membersInstalled / membersTotal (phân số, 0.931 = 93,1%)" },
      eligibleInstallRate: { type: "number", nullable: true, description: "membersInstalled / membersEligible; có thể lớn hơn 1" },
      branchesTotal: { type: "integer" },
      branchesReporting: { type: "integer", description: "Chi bộ có báo cáo sử dụng trong tháng" },
      branchesUsingInMeetings: { type: "integer" },
      meetingUsageRate: { type: "number", nullable: true },
      newsPosts: { type: "integer", description: "Tin bài đăng trong tháng" },
      documents: { type: "integer", description: "Văn bản đăng trong tháng" },
    },
  },
};
