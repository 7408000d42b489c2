import crypto from "node:crypto";

export const TOKEN_PREFIX = "stdv_";

export function generateTokenSecret(): string {
  return TOKEN_PREFIX + crypto.randomBytes(32).toString("base64url");
}

export function hashTokenSecret(secret: string): string {
  return crypto.createHash("sha256").update(secret, "utf8").digest("hex");
}
