// OpenAPI description of the drafts area: drafts and review, comments,
// feedback, guidance, summary and export, notifications.
const errors = {
  "400": { $ref: "#/components/responses/ValidationFailed" },
  "401": { $ref: "#/components/responses/Unauthenticated" },
  "403": { $ref: "#/components/responses/Forbidden" },
  "404": { $ref: "#/components/responses/NotFound" },
};
const json = (schema: object, description = "Kết quả") => ({ description, content: { "application/json": { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const page = (item: string) => ({ allOf: [ref("Page"), { type: "object", properties: { items: { type: "array", items: ref(item) } } }] });
const body = (schema: object) => ({ required: true, content: { "application/json": { schema } } });
const idPath = (name = "id") => ({ name, in: "path", required: true, schema: { type: "integer" } });
const period = { name: "period", in: "query", schema: { type: "string", pattern: "^\\d{4}-(0[1-9]|1[0-2])$" }, description: "Kỳ YYYY-MM" };

export const draftsPaths = {
  "/drafts": {
    get: {
      summary: "Hàng đợi xem xét: dự thảo của các chi bộ trong phạm vi cho một kỳ (mặc định kỳ đang xem xét)",
      parameters: [
        period,
        { name: "orgUnitId", in: "query", schema: { type: "integer" }, description: "Chỉ các chi bộ dưới đơn vị này (trong phạm vi)" },
        { name: "status", in: "query", schema: { type: "string", enum: ["SUBMITTED", "CHANGES_REQUESTED", "REVISED", "APPROVED", "AWAITING", "NOT_SUBMITTED"] } },
        { name: "flag", in: "query", schema: ref("DraftFlag"), description: "Cờ đã quyết định hoặc máy đề xuất" },
        { name: "timeliness", in: "query", schema: { type: "string", enum: ["ON_TIME", "LATE", "MISSING"] } },
        { name: "ack", in: "query", schema: { type: "string", enum: ["pending", "overdue"] }, description: "Phản hồi phường chưa xác nhận" },
        { name: "q", in: "query", schema: { type: "string", maxLength: 100 }, description: "Tên, mã chi bộ hoặc một cụm từ trong nội dung, có dấu hoặc không dấu" },
        { name: "sort", in: "query", schema: { type: "string", example: "-similarity" }, description: "queue, branch, ward, status, version, submittedAt, similarity, openComments, ack; dấu - để giảm dần" },
        { name: "includeMissing", in: "query", schema: { type: "string", enum: ["0", "1"] }, description: "1: liệt kê cả chi bộ chưa nộp (id null, status NOT_SUBMITTED)" },
        { name: "page", in: "query", schema: { type: "integer", minimum: 1 } },
        { name: "pageSize", in: "query", schema: { type: "integer", minimum: 1, maximum: 500 } },
      ],
      responses: { "200": json(page("DraftListItem")), ...errors },
    },
    post: {
      summary: "Bí thư chi bộ nộp dự thảo (lần đầu) hoặc một phiên bản mới; cùng nội dung lần nữa không tạo phiên bản mới (200)",
      requestBody: body({
        type: "object",
        required: ["period", "body"],
        properties: {
          period: { type: "string" },
          body: { type: "string", description: "Văn bản thường; dòng viết hoa hoặc I., II. là đề mục, dòng '- ' là ý" },
          title: { type: "string" },
          expectedVersionNo: { type: "integer", description: "Phiên bản mà bản sửa dựa vào (0: lần đầu); cũ hơn thì 409" },
          branchId: { type: "integer", description: "Mã truy cập của phường/quận: chi bộ nộp hộ" },
        },
      }),
      responses: { "201": json({ type: "object", properties: { id: { type: "integer" }, versionNo: { type: "integer" }, created: { type: "boolean" } } }, "Đã tạo phiên bản"), "200": { description: "Nội dung trùng phiên bản hiện tại" }, ...errors, "409": { $ref: "#/components/responses/Conflict" }, "413": { $ref: "#/components/responses/PayloadTooLarge" } },
    },
  },
  "/drafts/{id}": {
    get: {
      summary: "Một dự thảo: các phiên bản, góp ý (đã gửi, và góp ý chưa gửi của chính người gọi), quyết định, kết quả phân tích",
      parameters: [idPath(), { name: "versionNo", in: "query", schema: { type: "integer" }, description: "Vị trí góp ý (located) tính theo phiên bản này" }],
      responses: { "200": json(ref("Draft")), ...errors },
    },
  },
  "/drafts/{id}/diff": {
    get: {
      summary: "Khác biệt theo từ giữa hai phiên bản",
      parameters: [idPath(), { name: "from", in: "query", required: true, schema: { type: "integer" } }, { name: "to", in: "query", schema: { type: "integer" } }],
      responses: { "200": json({ type: "object", properties: { from: { type: "integer" }, to: { type: "integer" }, added: { type: "integer" }, removed: { type: "integer" }, segments: { type: "array", items: { type: "object", properties: { kind: { type: "string", enum: ["same", "added", "removed"] }, text: { type: "string" } } } } } }), ...errors },
    },
  },
  "/drafts/{id}/comments": {
    post: {
      summary: "Góp ý (gắn với một đoạn: anchor hoặc quote) hoặc trả lời (parentId). Góp ý mới của Ban Tổ chức chỉ gửi đi cùng quyết định.",
      parameters: [idPath()],
      requestBody: body({
        type: "object",
        required: ["body"],
        properties: {
          body: { type: "string" },
          versionNo: { type: "integer" },
          anchor: { type: "object", properties: { quote: { type: "string" }, start: { type: "integer" }, end: { type: "integer" } } },
          quote: { type: "string", description: "Đoạn trích gõ lại; máy tìm vị trí" },
          parentId: { type: "integer" },
          suggestion: { type: "string", description: "Văn bản đề xuất thay cho đoạn (Ban Tổ chức)" },
        },
      }),
      responses: { "201": json({ type: "object", properties: { id: { type: "integer" }, published: { type: "boolean" } } }), ...errors },
    },
  },
  "/drafts/{id}/comments/{cid}/resolve": { post: { summary: "Đánh dấu chuỗi góp ý đã xử lý", parameters: [idPath(), idPath("cid")], responses: { "200": { description: "Đã xử lý" }, ...errors } } },
  "/drafts/{id}/comments/{cid}/suggestion": {
    post: {
      summary: "Chi bộ nhận (đưa vào bản đang soạn) hoặc không nhận đề xuất sửa",
      parameters: [idPath(), idPath("cid")],
      requestBody: body({ type: "object", required: ["accept"], properties: { accept: { type: "boolean" } } }),
      responses: { "200": { description: "Đã ghi nhận" }, ...errors, "409": { $ref: "#/components/responses/Conflict" } },
    },
  },
  "/drafts/{id}/review": {
    post: {
      summary: "Quyết định trên phiên bản hiện tại; gửi kèm các góp ý chưa gửi; phường nhận phản hồi",
      parameters: [idPath()],
      requestBody: body({
        type: "object",
        required: ["decision", "summary", "expectedVersionNo"],
        properties: { decision: { type: "string", enum: ["APPROVED", "CHANGES_REQUESTED"] }, flags: { type: "array", items: ref("DraftFlag") }, summary: { type: "string" }, expectedVersionNo: { type: "integer" } },
      }),
      responses: { "200": json({ type: "object", properties: { reviewId: { type: "integer" }, feedbackId: { type: "integer" } } }), ...errors, "409": { $ref: "#/components/responses/Conflict" } },
    },
  },
  "/drafts/summary": {
    get: {
      summary: "Tiến độ một kỳ: nộp đúng hạn, muộn, chưa nộp, duyệt, yêu cầu sửa, cờ, phường chưa xác nhận — tổng và theo đơn vị con",
      parameters: [{ ...period, required: true }, { name: "orgUnitId", in: "query", schema: { type: "integer" } }],
      responses: { "200": json({ type: "object", properties: { period: { type: "string" }, deadline: { type: "string", format: "date-time" }, orgUnit: ref("OrgUnitRef"), totals: ref("ReviewCounts"), children: { type: "array", items: { allOf: [ref("ReviewCounts"), { type: "object", properties: { orgUnit: ref("OrgUnitRef") } }] } } } }), ...errors },
    },
  },
  "/drafts/export": {
    get: {
      summary: "Tổng hợp kỳ theo đơn vị và theo chi bộ: XLSX (hai trang) hoặc CSV (một bảng)",
      parameters: [{ ...period, required: true }, { name: "orgUnitId", in: "query", schema: { type: "integer" } }, { name: "format", in: "query", schema: { type: "string", enum: ["xlsx", "csv"] } }, { name: "level", in: "query", schema: { type: "string", enum: ["branch", "unit"] } }],
      responses: { "200": { description: "Tệp tải về", content: { "text/csv": {}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {} } }, ...errors },
    },
  },
  "/drafts/guidance": {
    get: { summary: "Định hướng của kỳ áp dụng cho phạm vi (cấp trên và cấp mình) và do cấp dưới ban hành", parameters: [{ ...period, required: true }], responses: { "200": json(page("Guidance")), ...errors } },
    post: {
      summary: "Ban Tổ chức hoặc Đảng ủy phường đăng một nội dung chi bộ cần cụ thể hóa",
      requestBody: body({ type: "object", required: ["period", "title"], properties: { period: { type: "string" }, title: { type: "string" }, details: { type: "string" }, keywords: { oneOf: [{ type: "array", items: { type: "string" } }, { type: "string", description: "cách nhau bằng dấu phẩy" }] }, orgUnitId: { type: "integer" } } }),
      responses: { "201": json({ type: "object", properties: { id: { type: "integer" } } }), ...errors },
    },
  },
  "/drafts/working-copy": {
    get: { summary: "Bản đang soạn (chưa nộp) của chi bộ", parameters: [{ ...period, required: true }], responses: { "200": { description: "Bản nháp" }, ...errors } },
    put: { summary: "Tự lưu bản đang soạn", requestBody: body({ type: "object", required: ["period", "body"], properties: { period: { type: "string" }, title: { type: "string" }, body: { type: "string" }, baseVersionNo: { type: "integer" }, expectedSavedAt: { type: "string", format: "date-time", description: "savedAt của bản đang sửa; bản đã được lưu từ nơi khác → 409" } } }), responses: { "200": { description: "Đã lưu" }, ...errors } },
  },
  "/feedback": {
    get: {
      summary: "Hộp thư phản hồi của Đảng ủy phường (Ban Tổ chức xem được): quyết định và góp ý về dự thảo của các chi bộ",
      parameters: [
        { name: "status", in: "query", schema: { type: "string", enum: ["open", "overdue", "acknowledged", "all"] } },
        period,
        { name: "orgUnitId", in: "query", description: "Một phường hoặc chi bộ trong phạm vi (ngoài phạm vi → 404)", schema: { type: "integer" } },
        { name: "decision", in: "query", schema: { type: "string", enum: ["APPROVED", "CHANGES_REQUESTED"] } },
        { name: "page", in: "query", schema: { type: "integer" } }, { name: "pageSize", in: "query", schema: { type: "integer", maximum: 500 } }],
      responses: { "200": json(page("Feedback")), ...errors },
    },
  },
  "/feedback/{id}/ack": {
    post: { summary: "Phường xác nhận đã nhận, có thể kèm trả lời", parameters: [idPath()], requestBody: { content: { "application/json": { schema: { type: "object", properties: { reply: { type: "string" } } } } } }, responses: { "200": json({ type: "object", properties: { id: { type: "integer" }, acknowledgedAt: { type: "string", format: "date-time" }, reply: { type: "string", nullable: true } } }), ...errors } },
  },
  "/notifications": {
    get: { summary: "Thông báo trong ứng dụng của người gọi, mới nhất trước", parameters: [{ name: "page", in: "query", schema: { type: "integer" } }, { name: "unread", in: "query", schema: { type: "string", enum: ["0", "1"] } }], responses: { "200": { description: "items, total, page, pageSize, unread" }, "401": errors["401"] } },
  },
  "/notifications/count": { get: { summary: "Số thông báo chưa đọc", responses: { "200": json({ type: "object", properties: { unread: { type: "integer" } } }), "401": errors["401"] } } },
  "/notifications/read": {
    post: { summary: "Đánh dấu đã đọc (ids hoặc all)", requestBody: body({ type: "object", properties: { ids: { type: "array", items: { type: "integer" } }, all: { type: "boolean" } } }), responses: { "200": json({ type: "object", properties: { marked: { type: "integer" }, unread: { type: "integer" } } }), ...errors } },
  },
};

export const draftsSchemas = {
  DraftFlag: { type: "string", enum: ["FORMALISTIC", "TEMPLATE_COPY", "PREVIOUS_COPY", "NOT_GROUNDED", "GUIDANCE_MISSED"] },
  DraftStatus: { type: "string", enum: ["SUBMITTED", "CHANGES_REQUESTED", "REVISED", "APPROVED"] },
  DraftListItem: {
    type: "object",
    required: ["id", "period", "status", "versionNo", "flags", "branch", "ward", "submittedAt", "similarity"],
    properties: {
      id: { type: "integer", nullable: true, description: "null: chi bộ chưa nộp (includeMissing=1)" },
      period: { type: "string" },
      status: { type: "string", enum: ["SUBMITTED", "CHANGES_REQUESTED", "REVISED", "APPROVED", "NOT_SUBMITTED"] },
      versionNo: { type: "integer", nullable: true },
      flags: { type: "array", items: ref("DraftFlag") },
      proposedFlags: { type: "array", items: ref("DraftFlag") },
      branch: { type: "object", properties: { id: { type: "integer" }, code: { type: "string" }, name: { type: "string" } } },
      ward: { type: "object", nullable: true, properties: { id: { type: "integer" }, name: { type: "string" } } },
      submittedAt: { type: "string", format: "date-time", nullable: true },
      timeliness: { type: "string", enum: ["ON_TIME", "LATE", "MISSING", "NOT_DUE"] },
      similarity: { type: "object", nullable: true, properties: { score: { type: "number" }, draftId: { type: "integer" } } },
      openComments: { type: "integer" },
      feedback: { type: "object", properties: { pendingSince: { type: "string", nullable: true }, acknowledgedAt: { type: "string", nullable: true }, overdue: { type: "boolean" } } },
    },
  },
  Draft: {
    type: "object",
    properties: {
      id: { type: "integer" },
      period: { type: "string" },
      status: ref("DraftStatus"),
      versionNo: { type: "integer" },
      versions: { type: "array", items: { type: "object", properties: { versionNo: { type: "integer" }, body: { type: "string" }, submittedAt: { type: "string", format: "date-time" }, submittedBy: { type: "string" } } } },
      comments: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: { type: "integer" },
            versionNo: { type: "integer" },
            anchor: { type: "object", nullable: true, properties: { quote: { type: "string" }, start: { type: "integer" }, end: { type: "integer" } } },
            located: { type: "object", nullable: true, description: "Vị trí đoạn trong phiên bản đang xem; null: đoạn không còn (lỗi thời)" },
            body: { type: "string" },
            author: { type: "object", properties: { name: { type: "string" }, role: ref("Role") } },
            parentId: { type: "integer", nullable: true },
            suggestion: { type: "string", nullable: true },
            suggestionStatus: { type: "string", nullable: true, enum: ["PENDING", "ACCEPTED", "REJECTED", null] },
            published: { type: "boolean" },
            resolvedAt: { type: "string", nullable: true },
            createdAt: { type: "string" },
          },
        },
      },
      reviews: { type: "array", items: { type: "object" } },
      analysis: {
        type: "object",
        nullable: true,
        properties: {
          similar: { type: "array", items: { type: "object", properties: { draftId: { type: "integer", nullable: true }, branch: { type: "object", nullable: true }, score: { type: "number" }, passages: { type: "array", items: { type: "object", properties: { start: { type: "integer" }, end: { type: "integer" }, words: { type: "integer" } } } } } } },
          previous: { type: "object", nullable: true },
          checklist: { type: "array", items: { type: "object", properties: { key: { type: "string" }, ok: { type: "boolean" }, label: { type: "string" }, count: { type: "integer" }, evidence: { type: "array", items: { type: "string" } } } } },
          directives: { type: "array", items: { type: "object", properties: { guidanceId: { type: "integer" }, title: { type: "string" }, status: { type: "string", enum: ["ADDRESSED", "RESTATED", "MISSING"] }, evidence: { type: "string", nullable: true } } } },
          proposedFlags: { type: "array", items: ref("DraftFlag") },
          reasons: { type: "object" },
        },
      },
    },
  },
  Feedback: {
    type: "object",
    required: ["id", "draftId", "branch", "decision", "summary", "createdAt", "acknowledgedAt", "reply"],
    properties: {
      id: { type: "integer" },
      draftId: { type: "integer" },
      branch: { type: "object", properties: { id: { type: "integer" }, code: { type: "string" }, name: { type: "string" } } },
      decision: { type: "string", enum: ["APPROVED", "CHANGES_REQUESTED"] },
      summary: { type: "string" },
      createdAt: { type: "string", format: "date-time" },
      acknowledgedAt: { type: "string", format: "date-time", nullable: true },
      reply: { type: "string", nullable: true },
      waitingDays: { type: "integer", nullable: true },
      overdue: { type: "boolean" },
      comments: { type: "array", items: { type: "object" } },
    },
  },
  Guidance: { type: "object", properties: { id: { type: "integer" }, period: { type: "string" }, title: { type: "string" }, details: { type: "string" }, keywords: { type: "array", items: { type: "string" } }, orgUnit: ref("OrgUnitRef") } },
  ReviewCounts: {
    type: "object",
    properties: Object.fromEntries(["branches", "submitted", "onTime", "late", "missing", "notDue", "awaitingReview", "approved", "changesRequested", "flagged", "proposedFlagged", "unacknowledged", "unacknowledgedOverdue", "openComments"].map((key) => [key, { type: "integer" }])),
  },
};
