// What the sign-in page says, by the error code next-auth passes back
// (`?error=<code>` or signIn()'s `error`). Anyone can write that parameter, so
// the page never shows it: a known code becomes one of our messages, anything
// else shows nothing. Shared by the server (lib/auth/sign-in.ts) and the form.

/** The one answer to every failed sign-in: unknown user, wrong password, locked or disabled account alike. */
export const SIGN_IN_FAILED_MESSAGE = "Tên đăng nhập hoặc mật khẩu không đúng. Nhập sai nhiều lần liên tiếp, tài khoản sẽ tạm khóa 15 phút.";
export const TOO_MANY_ATTEMPTS_MESSAGE = "Quá nhiều lần đăng nhập sai từ máy này. Thử lại sau ít phút.";

const GENERIC = "Không đăng nhập được. Vui lòng thử lại; nếu vẫn lỗi, liên hệ quản trị viên của đơn vị.";

// Our codes and next-auth 4's (pages.error / pages.signIn); only credentials sign-in is in use here.
const MESSAGES: Record<string, string> = {
  CredentialsSignin: SIGN_IN_FAILED_MESSAGE,
  TooManyAttempts: TOO_MANY_ATTEMPTS_MESSAGE,
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

/** The message for a known error code, or undefined for anything that is not one. */
export function signInErrorMessage(code: string | string[] | undefined | null): string | undefined {
  if (typeof code !== "string") return undefined;
  return Object.hasOwn(MESSAGES, code) ? MESSAGES[code] : undefined;
}
