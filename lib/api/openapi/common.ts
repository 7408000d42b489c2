// Building blocks of the OpenAPI document: the error shape, list pages and the
// small objects every area answers with. Request schemas are never written
// here: each path uses the zod schema its route (or lib function) parses with.
import { z } from "zod";
import { ERROR_CODES } from "@/lib/errors";

const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string().meta({ description: "Thông báo tiếng Việt" }),
      details: z.array(z.looseObject({ field: z.string().optional(), row: z.number().int().optional(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: "Error" });

const ERROR_DESCRIPTIONS = {
  400: "Dữ liệu không hợp lệ (VALIDATION_FAILED)",
  401: "Chưa xác thực (UNAUTHENTICATED)",
  403: "Không có quyền (FORBIDDEN), hoặc tài khoản đang dùng mật khẩu tạm và phải đổi mật khẩu trước (PASSWORD_CHANGE_REQUIRED)",
  404: "Không tìm thấy hoặc ngoài phạm vi (NOT_FOUND)",
  409: "Xung đột (CONFLICT, PERIOD_LOCKED)",
  413: "Nội dung quá lớn (PAYLOAD_TOO_LARGE)",
  429: "Quá nhiều yêu cầu (RATE_LIMITED)",
  503: "Không truy cập được cơ sở dữ liệu (SERVICE_UNAVAILABLE)",
} as const;
type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

const errorResponse = (status: ErrorStatus) => ({ description: ERROR_DESCRIPTIONS[status], content: { "application/json": { schema: ErrorSchema } } });

/** Every route answers 400, 401, 403, 404, 429 and 503 in the error shape; `extra` adds 409, 413. */
export function errors(...extra: ErrorStatus[]) {
  return Object.fromEntries(([400, 401, 403, 404, 429, 503, ...extra] as ErrorStatus[]).map((status) => [status, errorResponse(status)]));
}

export const json = (schema: z.ZodType, description = "Kết quả") => ({ description, content: { "application/json": { schema } } });
export const jsonBody = (schema: z.ZodType, required = true) => ({ required, content: { "application/json": { schema } } });

export const FILE_RESPONSE = {
  description: "Tệp tải về",
  content: {
    "text/csv": { schema: z.string() },
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.string().meta({ format: "binary" }) },
  },
};

/** Path parameters: the route answers 404 (not 400) for anything that is not a positive id. */
export const IdParams = z.object({ id: z.string().meta({ description: "Mã số (số nguyên dương)" }) });
export const IdCidParams = IdParams.extend({ cid: z.string().meta({ description: "Mã góp ý" }) });

/** A page of a list: `{ items, total, page, pageSize }`. */
export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const Timestamp = z.string().meta({ format: "date-time" });
export const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ format: "date" });
export const PeriodText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).meta({ example: "2026-11" });

export const RoleSchema = z.enum(["ADMIN", "BOARD_REVIEWER", "WARD_COMMITTEE", "BRANCH_SECRETARY", "LEADER"]).meta({ id: "Role" });
export const OrgLevelSchema = z.enum(["CITY", "DISTRICT", "WARD", "BRANCH"]).meta({ id: "OrgLevel" });
// Small references stay inline (no component name): the generator drops `null` from a nullable named schema.
export const OrgUnitRefSchema = z.looseObject({ id: z.number().int(), code: z.string(), name: z.string(), level: OrgLevelSchema });
export const BranchRefSchema = z.looseObject({ id: z.number().int(), code: z.string(), name: z.string() });
export const WardRefSchema = z.looseObject({ id: z.number().int(), name: z.string() });
