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

// Read on each use, without the schema above: tests switch these per case, the
// clock is shared with client code, and a missing DATABASE_URL must not stop them.
function raw(name: string): string | undefined {
  return typeof process !== "undefined" ? process.env[name] : undefined;
}

/** TRUST_PROXY=1: a reverse proxy in front overwrites X-Real-IP / X-Forwarded-* (docs/operations.md). */
export function trustProxy(): boolean {
  return raw("TRUST_PROXY") === "1";
}

/** APP_CLOCK: run a demo server as of another instant (lib/clock.ts). */
export function appClock(): string | undefined {
  return raw("APP_CLOCK");
}

/** The secret that signs sessions and device cookies. */
export function nextAuthSecret(): string | undefined {
  return raw("NEXTAUTH_SECRET");
}

/** The address the app is served at, for cookie flags. */
export function nextAuthUrl(): string | undefined {
  return raw("NEXTAUTH_URL");
}

/** The port `npm start` listens on. */
export function serverPort(): string | undefined {
  return raw("PORT");
}

/** Where attachments are kept: a local folder, or an S3-compatible bucket when ATTACHMENTS_S3_BUCKET is set. */
export function attachmentsEnv() {
  return {
    dir: raw("ATTACHMENTS_DIR"),
    s3Bucket: raw("ATTACHMENTS_S3_BUCKET"),
    s3Region: raw("ATTACHMENTS_S3_REGION"),
    s3Endpoint: raw("ATTACHMENTS_S3_ENDPOINT"),
    s3ForcePathStyle: raw("ATTACHMENTS_S3_FORCE_PATH_STYLE"),
    s3AccessKeyId: raw("ATTACHMENTS_S3_ACCESS_KEY_ID"),
    s3SecretAccessKey: raw("ATTACHMENTS_S3_SECRET_ACCESS_KEY"),
  };
}
