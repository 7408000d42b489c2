// What the sign-in page says, by the error code next-auth passes back
// (`?error=` or signIn()'s `error`). Only these codes show text; anything else
// in the URL is shown as the generic failure, never as written.
// Shared by the server (lib/auth/sign-in.ts) and the sign-in form.

/** The one answer to every failed sign-in: unknown user, wrong password, locked or disabled account alike. */
export const SIGN_IN_FAILED_MESSAGE = "Tên đăng nhập hoặc mật khẩu không đúng. Nhập sai nhiều lần liên tiếp, tài khoản sẽ tạm khóa 15 phút.";
export const TOO_MANY_ATTEMPTS_MESSAGE = "Quá nhiều lần đăng nhập sai từ máy này. Thử lại sau ít phút.";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: SIGN_IN_FAILED_MESSAGE,
  TooManyAttempts: TOO_MANY_ATTEMPTS_MESSAGE,
};

export function signInErrorMessage(code: string | null | undefined): string | undefined {
  if (!code) return undefined;
  return MESSAGES[code] ?? SIGN_IN_FAILED_MESSAGE;
}
