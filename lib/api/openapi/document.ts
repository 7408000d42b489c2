import { foundationPaths, foundationSchemas, importPaths } from "./foundation";
import { statsPaths, statsSchemas } from "./stats";
import { meetingsPaths, meetingsSchemas } from "./meetings";
import { draftsPaths, draftsSchemas } from "./drafts";
import { restructurePaths, restructureSchemas } from "./restructure";

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", enum: ["VALIDATION_FAILED", "NOT_FOUND", "FORBIDDEN", "CONFLICT", "UNAUTHENTICATED", "RATE_LIMITED", "PAYLOAD_TOO_LARGE", "SERVICE_UNAVAILABLE", "INTERNAL"] },
        message: { type: "string", description: "Thông báo tiếng Việt" },
        details: { type: "array", items: { type: "object", properties: { field: { type: "string" }, row: { type: "integer" }, message: { type: "string" } } } },
      },
    },
  },
};

function errorResponse(description: string) {
  return { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
}

/** The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. */
export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Sổ tay đảng viên — API tích hợp",
      version: "1.0.0",
      description:
        "API cho ứng dụng Sổ tay đảng viên điện tử và hệ thống của Thành ủy, Quận ủy: đẩy và lấy dữ liệu dự thảo nghị quyết, sinh hoạt chi bộ, số liệu sử dụng. " +
        "Xác thực bằng cookie phiên đăng nhập hoặc `Authorization: Bearer <mã truy cập>` do quản trị viên cấp cho một đơn vị. " +
        "Bản ghi ngoài phạm vi trả về 404.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    // Each feature area adds its paths and schemas from its own file here.
    paths: { ...foundationPaths, ...importPaths, ...draftsPaths, ...meetingsPaths, ...statsPaths, ...restructurePaths },
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "Mã truy cập API (stdv_...) do quản trị viên cấp" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
      schemas: {
        Error: errorSchema,
        Page: {
          type: "object",
          required: ["items", "total", "page", "pageSize"],
          properties: { items: { type: "array", items: {} }, total: { type: "integer" }, page: { type: "integer" }, pageSize: { type: "integer", maximum: 500 } },
        },
        ...foundationSchemas,
        ...statsSchemas,
        ...meetingsSchemas,
        ...draftsSchemas,
        ...restructureSchemas,
      },
      responses: {
        ValidationFailed: errorResponse("Dữ liệu không hợp lệ (VALIDATION_FAILED)"),
        Unauthenticated: errorResponse("Chưa xác thực (UNAUTHENTICATED)"),
        Forbidden: errorResponse("Không có quyền (FORBIDDEN), hoặc tài khoản đang dùng mật khẩu tạm và phải đổi mật khẩu trước (PASSWORD_CHANGE_REQUIRED)"),
        NotFound: errorResponse("Không tìm thấy hoặc ngoài phạm vi (NOT_FOUND)"),
        Conflict: errorResponse("Xung đột phiên bản (CONFLICT)"),
        PayloadTooLarge: errorResponse("Nội dung quá lớn (PAYLOAD_TOO_LARGE)"),
        RateLimited: errorResponse("Quá nhiều yêu cầu (RATE_LIMITED)"),
      },
    },
  };
}
