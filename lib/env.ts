// Environment variables, parsed once. `npm start` fills DATABASE_URL,
// NEXTAUTH_SECRET and NEXTAUTH_URL before the server starts (scripts/start.ts).
import { z } from "zod";

/** An http(s) address; empty counts as unset (docker-compose passes `${VAR:-}`). */
function optionalUrl(message: string) {
  return z.preprocess((value) => (value === "" ? undefined : value), z.url({ protocol: /^https?$/, message }).optional());
}

const EnvSchema = z.object({
  DATABASE_URL: z.string().min(1, "DATABASE_URL chưa được đặt"),
  /** Required by the web app (lib/auth); scripts do without it. */
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET cần ít nhất 32 ký tự").optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /** Comma-separated replica URLs for dashboards and lists (docs/scaling.md). */
  DATABASE_READ_URLS: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Trust X-Real-IP / X-Forwarded-For from a reverse proxy for client addresses (lib/http/client-address.ts). */
  TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  /** The address members' phones and other systems reach the app at (lib/http/public-url.ts); default NEXTAUTH_URL. */
  PUBLIC_URL: optionalUrl("PUBLIC_URL phải là địa chỉ http(s)://, ví dụ https://sotay.quanuy.vn"),
  NEXTAUTH_URL: optionalUrl("NEXTAUTH_URL phải là địa chỉ http(s)://"),
});

type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
      throw new Error(`Cấu hình môi trường không hợp lệ: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}
