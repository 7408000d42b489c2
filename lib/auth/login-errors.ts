// next-auth sends the sign-in page its outcome as `/login?error=<code>`. Anyone
// can write that parameter, so the page never shows it: a known code becomes
// one of our messages, anything else shows nothing.

const GENERIC = "Không đăng nhập được. Vui lòng thử lại; nếu vẫn lỗi, liên hệ quản trị viên của đơn vị.";

// next-auth 4's error codes (pages.error / pages.signIn); only credentials sign-in is in use here.
const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Tên đăng nhập hoặc mật khẩu không đúng.",
  SessionRequired: "Vui lòng đăng nhập để tiếp tục.",
  AccessDenied: "Tài khoản không được phép đăng nhập.",
  Configuration: GENERIC,
  Verification: GENERIC,
  Default: GENERIC,
  Signin: GENERIC,
  Callback: GENERIC,
  OAuthSignin: GENERIC,
  OAuthCallback: GENERIC,
  OAuthCreateAccount: GENERIC,
  EmailCreateAccount: GENERIC,
  OAuthAccountNotLinked: GENERIC,
  EmailSignin: GENERIC,
};

/** The message for a next-auth error code, or undefined for anything that is not one. */
export function loginErrorMessage(code: string | string[] | undefined | null): string | undefined {
  if (typeof code !== "string") return undefined;
  return Object.hasOwn(MESSAGES, code) ? MESSAGES[code] : undefined;
}
