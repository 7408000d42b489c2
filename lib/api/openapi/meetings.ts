// OpenAPI paths of the meetings area (issue 4): members of a branch, meetings
// (idempotent upsert), compliance, member flags, data-quality alerts.
const errors = {
  "400": { $ref: "#/components/responses/ValidationFailed" },
  "401": { $ref: "#/components/responses/Unauthenticated" },
  "403": { $ref: "#/components/responses/Forbidden" },
  "404": { $ref: "#/components/responses/NotFound" },
};
const json = (schema: object, description = "Kết quả") => ({ description, content: { "application/json": { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const page = (item: string) => ({ allOf: [ref("Page"), { type: "object", properties: { items: { type: "array", items: ref(item) } } }] });
const period = { type: "string", pattern: "^\\d{4}-(0[1-9]|1[0-2])$", example: "2026-11" };
const query = (name: string, schema: object, description?: string) => ({ name, in: "query", schema, ...(description ? { description } : {}) });
const paging = [query("page", { type: "integer", minimum: 1, default: 1 }), query("pageSize", { type: "integer", minimum: 1, maximum: 500, default: 50 })];
const orgUnitId = query("orgUnitId", { type: "integer" }, "Đơn vị (mặc định: đơn vị gốc của phạm vi người gọi)");
const idPath = { name: "id", in: "path", required: true, schema: { type: "integer" } };

export const meetingsPaths = {
  "/branches/{id}/members": {
    get: {
      summary: "Đảng viên của một chi bộ trong phạm vi (mặc định: đang sinh hoạt và miễn sinh hoạt)",
      parameters: [idPath, query("includeFormer", { type: "string", enum: ["0", "1"] }, "1: gồm cả người đã chuyển đi, từ trần"), ...paging],
      responses: { "200": json(page("BranchMember")), ...errors },
    },
  },
  "/meetings": {
    get: {
      summary: "Các cuộc họp của chi bộ dưới một đơn vị, kỳ mới nhất trước",
      parameters: [query("period", period), orgUnitId, ...paging],
      responses: { "200": json(page("Meeting")), ...errors },
    },
    put: {
      summary: "Ghi cuộc họp của chi bộ (bí thư chi bộ): upsert theo chi bộ + kỳ + loại, gửi lại cùng nội dung không thay đổi gì",
      description:
        "Điểm danh phải có đủ mọi đảng viên phải dự vào ngày họp (trừ người miễn sinh hoạt, không được điểm danh). EXCUSED cần reason. " +
        "Kỳ đã khóa sổ trả 409 PERIOD_LOCKED; expectedVersionNo cũ trả 409 CONFLICT (expectedVersionNo = 0: cuộc họp phải chưa có; đã có với nội dung khác thì 409). " +
        "Gửi lại đúng nội dung đã lưu luôn trả 200 changed: false, kể cả khi expectedVersionNo đã cũ.",
      requestBody: { required: true, content: { "application/json": { schema: ref("RecordMeeting") } } },
      responses: {
        "200": json({ allOf: [ref("Meeting"), { type: "object", properties: { created: { type: "boolean" }, changed: { type: "boolean" } } }] }, "Cuộc họp sau khi ghi"),
        ...errors,
        "409": { $ref: "#/components/responses/Conflict" },
      },
    },
  },
  "/meetings/{id}": {
    get: {
      summary: "Một cuộc họp với điểm danh (tên chỉ cho vai trò được xem đảng viên) và tài liệu",
      parameters: [idPath],
      responses: { "200": json(ref("MeetingDetail")), ...errors },
    },
  },
  "/meetings/{id}/close": {
    post: {
      summary: "Hoàn tất cuộc họp: biên bản (bắt buộc) và tài liệu đã gửi trước cuộc họp",
      parameters: [idPath],
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object",
              required: ["minutes", "documents"],
              properties: { minutes: { type: "string", minLength: 20 }, documents: { type: "array", items: ref("MeetingDocument") }, expectedVersionNo: { type: "integer" } },
            },
          },
        },
      },
      responses: { "200": json(ref("Meeting")), ...errors, "409": { $ref: "#/components/responses/Conflict" } },
    },
  },
  "/meetings/reopen": {
    post: {
      summary: "Ban Tổ chức mở lại một kỳ đã khóa sổ cho một chi bộ (ghi nhật ký)",
      requestBody: {
        required: true,
        content: { "application/json": { schema: { type: "object", required: ["branchId", "period", "reason"], properties: { branchId: { type: "integer" }, period, reason: { type: "string" } } } } },
      },
      responses: { "201": json({ type: "object", properties: { id: { type: "integer" }, branchId: { type: "integer" }, period, openUntil: { type: "string", format: "date" }, reason: { type: "string" } } }), ...errors },
    },
  },
  "/meetings/compliance": {
    get: {
      summary: "Tình hình sinh hoạt của kỳ: một dòng cho mỗi đơn vị trực thuộc",
      parameters: [query("period", period, "Mặc định: tháng hiện tại"), orgUnitId],
      responses: {
        "200": json({
          type: "object",
          properties: {
            orgUnit: ref("OrgUnitRef"),
            period,
            deadline: { type: "string", format: "date", description: "Qua ngày này chi bộ chưa có bản ghi bị tính là thiếu" },
            totals: ref("ComplianceFigures"),
            items: { type: "array", items: { allOf: [{ type: "object", properties: { orgUnit: ref("OrgUnitRef"), state: { type: "string", enum: ["HELD", "MISSING", "PENDING"], nullable: true } } }, ref("ComplianceFigures")] } },
            total: { type: "integer" },
            page: { type: "integer" },
            pageSize: { type: "integer" },
          },
        }),
        ...errors,
      },
    },
  },
  "/meetings/compliance/export": {
    get: {
      summary: "Tải bảng tình hình sinh hoạt (XLSX hai trang: tổng hợp, theo tháng; hoặc CSV một bảng)",
      parameters: [query("period", period), orgUnitId, query("format", { type: "string", enum: ["xlsx", "csv"], default: "xlsx" }), query("table", { type: "string", enum: ["summary", "months"], default: "summary" }, "Bảng cho CSV")],
      responses: {
        "200": { description: "Tệp", content: { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}, "text/csv": {} } },
        ...errors,
      },
    },
  },
  "/meetings/alerts": {
    get: {
      summary: "Cảnh báo chất lượng dữ liệu của kỳ, mỗi cảnh báo kèm lời giải thích",
      parameters: [query("period", period, "Mặc định: tháng trước"), orgUnitId, query("kind", ref("DataQualityAlertKind")), query("includeDismissed", { type: "string", enum: ["0", "1"] })],
      responses: { "200": json({ type: "object", properties: { items: { type: "array", items: ref("DataQualityAlert") }, counts: { type: "object" }, open: { type: "integer" }, dismissed: { type: "integer" } } }), ...errors },
    },
  },
  "/meetings/alerts/dismiss": {
    post: {
      summary: "Bỏ qua một cảnh báo đang có, kèm lý do (Đảng ủy phường, Ban Tổ chức)",
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: { type: "object", required: ["kind", "subjectKey", "reason"], properties: { kind: ref("DataQualityAlertKind"), subjectKey: { type: "string", example: "meeting:123" }, period, reason: { type: "string" } } },
          },
        },
      },
      responses: { "201": json({ type: "object" }), ...errors, "409": { $ref: "#/components/responses/Conflict" } },
    },
  },
  "/members/flags": {
    get: {
      summary: "Đảng viên vắng sinh hoạt không lý do từ 3 tháng trở lên trong năm (chỉ tính thời gian sinh hoạt tại chi bộ)",
      parameters: [query("year", { type: "integer", example: 2026 }, "Mặc định: năm hiện tại"), orgUnitId, ...paging],
      responses: {
        "200": json({
          allOf: [
            ref("Page"),
            {
              type: "object",
              properties: {
                items: {
                  type: "array",
                  items: {
                    type: "object",
                    required: ["member", "branch", "months"],
                    properties: {
                      member: { type: "object", properties: { id: { type: "integer" }, code: { type: "string" }, fullName: { type: "string" }, status: { type: "string" } } },
                      branch: { type: "object", properties: { id: { type: "integer" }, code: { type: "string" }, name: { type: "string" } } },
                      months: { type: "array", items: period },
                    },
                  },
                },
              },
            },
          ],
        }),
        ...errors,
      },
    },
  },
};

export const meetingsSchemas = {
  BranchMember: {
    type: "object",
    required: ["id", "fullName", "status"],
    properties: {
      id: { type: "integer" },
      code: { type: "string" },
      fullName: { type: "string" },
      status: { type: "string", enum: ["ACTIVE", "EXEMPT", "TRANSFERRED_OUT", "DECEASED"] },
      joinedBranchOn: { type: "string", format: "date" },
      leftBranchOn: { type: "string", format: "date", nullable: true },
    },
  },
  MeetingDocument: { type: "object", required: ["title", "sentOn"], properties: { title: { type: "string" }, sentOn: { type: "string", format: "date" } } },
  RecordMeeting: {
    type: "object",
    required: ["branchId", "period", "kind", "heldOn", "usedHandbook", "attendance"],
    properties: {
      branchId: { type: "integer" },
      period,
      kind: { type: "string", enum: ["REGULAR", "THEMATIC"] },
      heldOn: { type: "string", format: "date" },
      usedHandbook: { type: "boolean" },
      notes: { type: "string", nullable: true },
      minutes: { type: "string", nullable: true, description: "Nếu có: hoàn tất cuộc họp" },
      documents: { type: "array", items: ref("MeetingDocument"), description: "Nếu có: thay danh sách tài liệu" },
      attendance: {
        type: "array",
        items: { type: "object", required: ["memberId", "status"], properties: { memberId: { type: "integer" }, status: { type: "string", enum: ["PRESENT", "EXCUSED", "UNEXCUSED"] }, reason: { type: "string" } } },
      },
      expectedVersionNo: { type: "integer", minimum: 0, description: "Phiên bản mà thay đổi dựa vào; 0: cuộc họp phải chưa có. Khác phiên bản hiện tại (và nội dung khác) thì 409 CONFLICT" },
    },
  },
  Meeting: {
    type: "object",
    required: ["id", "branch", "period", "kind", "heldOn", "usedHandbook", "expected", "present", "excused", "unexcused"],
    properties: {
      id: { type: "integer" },
      branch: { type: "object", properties: { id: { type: "integer" }, code: { type: "string" }, name: { type: "string" } } },
      period,
      kind: { type: "string", enum: ["REGULAR", "THEMATIC"] },
      heldOn: { type: "string", format: "date" },
      usedHandbook: { type: "boolean" },
      expected: { type: "integer", description: "Đảng viên phải dự (không tính người miễn sinh hoạt)" },
      present: { type: "integer" },
      excused: { type: "integer" },
      unexcused: { type: "integer" },
      exempt: { type: "integer" },
      attendanceRate: { type: "number", nullable: true },
      hasMinutes: { type: "boolean" },
      closedAt: { type: "string", format: "date-time", nullable: true },
      versionNo: { type: "integer" },
      updatedAt: { type: "string", format: "date-time" },
    },
  },
  MeetingDetail: {
    allOf: [
      ref("Meeting"),
      {
        type: "object",
        properties: {
          notes: { type: "string", nullable: true },
          minutes: { type: "string", nullable: true },
          documents: { type: "array", items: ref("MeetingDocument") },
          attendance: {
            type: "array",
            items: { type: "object", properties: { member: { type: "object" }, status: { type: "string" }, reason: { type: "string", nullable: true }, belonged: { type: "boolean" } } },
          },
        },
      },
    ],
  },
  ComplianceFigures: {
    type: "object",
    properties: {
      branches: { type: "integer" },
      held: { type: "integer" },
      missing: { type: "integer", description: "Chưa có bản ghi sau hạn" },
      pending: { type: "integer", description: "Chưa có bản ghi, chưa đến hạn" },
      attendanceRate: { type: "number", nullable: true, description: "Có mặt / phải dự" },
      present: { type: "integer" },
      expected: { type: "integer" },
      usedHandbook: { type: "integer", description: "Chi bộ có cuộc họp dùng Sổ tay điện tử" },
      thematic: { type: "integer", description: "Chi bộ có sinh hoạt chuyên đề" },
    },
  },
  DataQualityAlertKind: { type: "string", enum: ["PERFECT_ATTENDANCE", "MISSING_MINUTES", "DOCUMENTS_NOT_SENT", "HELD_OUTSIDE_PERIOD", "FORMER_MEMBER_ATTENDANCE"] },
  DataQualityAlert: {
    type: "object",
    properties: {
      kind: ref("DataQualityAlertKind"),
      subjectKey: { type: "string" },
      title: { type: "string" },
      explanation: { type: "string" },
      period,
      meetingId: { type: "integer", nullable: true },
      branch: { type: "object" },
      ward: { type: "object", nullable: true },
      dismissal: { type: "object", nullable: true, properties: { reason: { type: "string" }, by: { type: "string" }, at: { type: "string", format: "date-time" } } },
    },
  },
};
