// OpenAPI description of official documents (DOCX reports and letters, issued
// versions) and attachments (signed resolutions, minutes, meeting documents).
const errors = {
  "400": { $ref: "#/components/responses/ValidationFailed" },
  "401": { $ref: "#/components/responses/Unauthenticated" },
  "403": { $ref: "#/components/responses/Forbidden" },
  "404": { $ref: "#/components/responses/NotFound" },
};
const json = (schema: object, description = "Kết quả") => ({ description, content: { "application/json": { schema } } });
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const download = (types: string[]) => ({ description: "Tệp tải về (Content-Disposition: attachment, nosniff)", content: Object.fromEntries(types.map((type) => [type, {}])) });
const idPath = { name: "id", in: "path", required: true, schema: { type: "integer" } };
const request = {
  kind: { type: "string", enum: ["DRAFT_REVIEW_REPORT", "MEETING_REPORT", "FEEDBACK_LETTER"] },
  orgUnitId: { type: "integer", description: "Đơn vị của báo cáo; mặc định gốc phạm vi" },
  period: { type: "string", pattern: "^\\d{4}-(0[1-9]|1[0-2])$", description: "Kỳ báo cáo YYYY-MM (bắt buộc với báo cáo)" },
  draftId: { type: "integer", description: "Dự thảo (bắt buộc với công văn góp ý)" },
  number: { type: "integer", minimum: 1, maximum: 9999, description: "Số văn bản; mặc định số tiếp theo của loại văn bản trong năm" },
};

export const documentsPaths = {
  "/documents": {
    get: {
      summary: "Văn bản đã ban hành của một đơn vị và các đơn vị cấp dưới",
      parameters: [{ name: "orgUnitId", in: "query", schema: { type: "integer" } }],
      responses: { "200": json({ type: "object", properties: { items: { type: "array", items: { $ref: "#/components/schemas/IssuedDocument" } } } }), ...errors },
    },
    post: {
      summary: "Ban hành văn bản: lưu tệp DOCX, số liệu, người và thời điểm ban hành",
      requestBody: { required: true, content: { "application/json": { schema: { type: "object", required: ["kind"], properties: request } } } },
      responses: { "201": json({ type: "object", properties: { id: { type: "integer" }, numberLabel: { type: "string", example: "05-BC/ĐU" }, issuedAt: { type: "string", format: "date-time" } } }), "409": { $ref: "#/components/responses/Conflict" }, ...errors },
    },
  },
  "/documents/generate": {
    get: {
      summary: "Tạo văn bản DOCX theo thể thức (không lưu): báo cáo tháng hoặc công văn góp ý",
      parameters: Object.entries(request).map(([name, schema]) => ({ name, in: "query", required: name === "kind", schema })),
      responses: { "200": download([DOCX]), ...errors },
    },
  },
  "/documents/{id}/file": { get: { summary: "Tệp DOCX đã ban hành", parameters: [idPath], responses: { "200": download([DOCX]), ...errors } } },
  "/attachments": {
    get: {
      summary: "Tệp đính kèm của một dự thảo hoặc một cuộc họp",
      parameters: [{ name: "draftId", in: "query", schema: { type: "integer" } }, { name: "meetingId", in: "query", schema: { type: "integer" } }],
      responses: { "200": json({ type: "object", properties: { items: { type: "array", items: { $ref: "#/components/schemas/Attachment" } } } }), ...errors },
    },
    post: {
      summary: "Đính kèm tệp (PDF, JPEG, PNG, DOCX; nhận biết theo nội dung): nghị quyết đã ký của dự thảo đã duyệt, biên bản hoặc tài liệu của cuộc họp",
      requestBody: {
        required: true,
        content: {
          "multipart/form-data": {
            schema: {
              type: "object",
              required: ["kind", "file"],
              properties: { kind: { type: "string", enum: ["SIGNED_RESOLUTION", "MEETING_MINUTES", "MEETING_DOCUMENT"] }, draftId: { type: "integer" }, meetingId: { type: "integer" }, file: { type: "string", format: "binary" } },
            },
          },
        },
      },
      responses: { "201": json({ $ref: "#/components/schemas/Attachment" }), "409": { $ref: "#/components/responses/Conflict" }, "413": { $ref: "#/components/responses/PayloadTooLarge" }, ...errors },
    },
  },
  "/attachments/{id}/file": { get: { summary: "Tải tệp đính kèm", parameters: [idPath], responses: { "200": download(["application/pdf", "image/jpeg", "image/png", DOCX]), ...errors } } },
};

export const documentsSchemas = {
  IssuedDocument: {
    type: "object",
    properties: {
      id: { type: "integer" },
      kind: { type: "string" },
      orgUnitId: { type: "integer" },
      period: { type: "string" },
      draftId: { type: ["integer", "null"] },
      numberLabel: { type: "string" },
      title: { type: "string" },
      sha256: { type: "string" },
      issuedByName: { type: "string" },
      issuedAt: { type: "string", format: "date-time" },
    },
  },
  Attachment: {
    type: "object",
    properties: {
      id: { type: "integer" },
      kind: { type: "string" },
      fileName: { type: "string" },
      contentType: { type: "string" },
      size: { type: "integer" },
      sha256: { type: "string" },
      uploadedByName: { type: "string" },
      createdAt: { type: "string", format: "date-time" },
    },
  },
};
