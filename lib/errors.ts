// Expected failures, each with the HTTP status and code of the API (docs/api.md)
// and a message a Vietnamese user can act on. Anything else is unexpected.

/** Every `error.code` an API answer can carry (INTERNAL: an unexpected failure, logged). */
export const ERROR_CODES = ["VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "PERIOD_LOCKED", "PAYLOAD_TOO_LARGE", "RATE_LIMITED", "SERVICE_UNAVAILABLE", "INTERNAL"] as const;

export type ErrorDetail = { field?: string; path?: (string | number)[]; message: string; row?: number };

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message = "Dữ liệu không hợp lệ.", details: ErrorDetail[] = []) {
    super("VALIDATION_FAILED", 400, message, details);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = "Cần đăng nhập hoặc mã truy cập API hợp lệ.") {
    super("UNAUTHENTICATED", 401, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "Tài khoản của bạn không có quyền thực hiện thao tác này.") {
    super("FORBIDDEN", 403, message);
  }
}

/** A temporary password set by an administrator must be replaced before anything else. */
export class PasswordChangeRequiredError extends AppError {
  constructor(message = "Bạn đang dùng mật khẩu tạm do quản trị viên đặt. Đổi mật khẩu ở trang Tài khoản (/account) trước khi tiếp tục.") {
    super("PASSWORD_CHANGE_REQUIRED", 403, message);
  }
}

/** Also what a record outside the caller's scope looks like: it does not reveal that it exists. */
export class NotFoundError extends AppError {
  constructor(message = "Không tìm thấy dữ liệu yêu cầu.") {
    super("NOT_FOUND", 404, message);
  }
}

export class ConflictError extends AppError {
  constructor(message = "Dữ liệu đã bị người khác thay đổi. Tải lại trang rồi thử lại.", details: ErrorDetail[] = []) {
    super("CONFLICT", 409, message, details);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(maxBytes: number) {
    super("PAYLOAD_TOO_LARGE", 413, `Nội dung gửi lên quá lớn (tối đa ${Math.round(maxBytes / 1024).toLocaleString("vi-VN")} KB).`);
  }
}

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number, message?: string) {
    super("RATE_LIMITED", 429, message ?? `Quá nhiều yêu cầu. Thử lại sau ${retryAfterSeconds} giây.`);
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(message = "Cơ sở dữ liệu tạm thời không truy cập được. Hệ thống sẽ tự kết nối lại, vui lòng thử lại sau ít phút.") {
    super("SERVICE_UNAVAILABLE", 503, message);
  }
}

// P2024 (no pooled connection in time) and P2028 (transaction could not start / timed out) mean the
// database is saturated: like an outage, the request may be retried, so 503 with Retry-After, not 500.
const CONNECTION_ERROR_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P02", "57P03", "08006", "08001", "08003", "P2024", "P2028"]);

/** True when the error means PostgreSQL cannot be reached (as opposed to a bad query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown; kind?: unknown };
    if (typeof candidate.code === "string" && CONNECTION_ERROR_CODES.has(candidate.code)) return true;
    if (candidate.kind === "DatabaseNotReachable" || candidate.kind === "ConnectionClosed") return true;
    const message = typeof candidate.message === "string" ? candidate.message : "";
    if (/ECONNREFUSED|Connection terminated|connection closed|terminating connection|Can't reach database|DatabaseNotReachable|the database system is (starting up|shutting down)|Closed the connection/i.test(message)) {
      return true;
    }
    current = candidate.cause;
  }
  return false;
}
