import "server-only";
import { hash, verify, type Algorithm } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-policy";

// OWASP's Argon2id minimum: 19 MiB, 2 iterations, 1 lane.
// 2 = Argon2id (the package exports it as a const enum, which isolated modules cannot read).
const ARGON2_OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;


// Passwords people here reach for first, on top of the international list.
const LOCAL_COMMON = ["matkhau", "matkhau123", "matkhau@123", "dangvien", "dangvien123", "chibo", "chibo123", "hanoi", "hanoi123", "vietnam", "vietnam123", "longbien", "123456a@", "abc@123", "admin@123", "admin123", "qwerty@123"];
let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  if (!common) common = new Set([...(dictionary["passwords-common"] as string[]), ...LOCAL_COMMON]);
  return common;
}

/** Vietnamese reasons a password is refused, empty when it is acceptable. */
export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`Mật khẩu cần ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`Mật khẩu dài tối đa ${PASSWORD_MAX_LENGTH} ký tự.`);
  const lower = password.normalize("NFC").toLowerCase();
  if (commonPasswords().has(lower)) problems.push("Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.");
  if (username && lower === username.toLowerCase()) problems.push("Mật khẩu không được trùng tên đăng nhập.");
  return problems;
}

export async function hashPassword(password: string): Promise<string> {
  // NFC so that the same Vietnamese password typed on different keyboards matches.
  return hash(password.normalize("NFC"), ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize("NFC"));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check so that unknown usernames are not revealed by timing. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("không-có-tài-khoản-này");
  await verifyPassword(await dummyHash, password);
}
