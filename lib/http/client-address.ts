// The client's address for audit and rate limits. X-Forwarded-For is only
// believed behind a reverse proxy we were told about (TRUST_PROXY=1).
type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function read(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === "function") return (headers as { get(n: string): string | null }).get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

export function clientAddress(headers: HeaderSource): string {
  if (process.env.TRUST_PROXY === "1") {
    const forwarded = read(headers, "x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  return (read(headers, "x-real-ip") ?? read(headers, "x-client-address") ?? "local").slice(0, 64);
}

export function userAgentOf(headers: HeaderSource): string | undefined {
  return read(headers, "user-agent")?.slice(0, 300);
}
