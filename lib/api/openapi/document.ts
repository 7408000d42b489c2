// The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. It is
// generated from zod: each path names the schema its route (or the lib function
// behind it) parses the request with, so the document cannot drift from the
// validation. Each feature area registers its paths from its own file.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { registerFoundationPaths } from "./foundation";
import { registerDraftsPaths } from "./drafts";
import { registerMeetingsPaths } from "./meetings";
import { registerStatsPaths } from "./stats";
import { registerRestructurePaths } from "./restructure";
import { registerDocumentsPaths } from "./documents";
import { registerFeesPaths } from "./fees";
import { registerFollowersPaths } from "./followers";

function buildDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "bearerAuth", { type: "http", scheme: "bearer", description: "Mã truy cập API (stdv_...) do quản trị viên cấp" });
  registry.registerComponent("securitySchemes", "sessionCookie", { type: "apiKey", in: "cookie", name: "next-auth.session-token" });
  for (const register of [registerFoundationPaths, registerDraftsPaths, registerMeetingsPaths, registerStatsPaths, registerRestructurePaths, registerDocumentsPaths, registerFeesPaths, registerFollowersPaths]) register(registry);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
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
  });
}

let cached: ReturnType<typeof buildDocument> | undefined;

/** Built once per process: the schemas do not change while it runs. */
export function openApiDocument() {
  cached ??= buildDocument();
  return cached;
}
