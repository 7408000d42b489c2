// The client's address for audit and rate limits.
//
// Next.js cannot tell us the socket address of the caller, and every header
// that carries an address (X-Real-IP, X-Forwarded-For, …) can be written by
// the caller itself. So headers are believed only when the operator said the
// app sits behind a reverse proxy that sets them (TRUST_PROXY=1, see
// docs/operations.md and docs/security.md). Otherwise every caller counts as
// the same client ("direct"): a brute-forcer cannot get a fresh rate-limit
// bucket by rotating X-Real-IP (tests/integration/security-brute-force.test.ts).
type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

/** Used when the address cannot be known: one shared bucket for everyone. */
export const UNTRUSTED_CLIENT = "direct";

function read(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === "function") return (headers as { get(n: string): string | null }).get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

export function trustsProxy(): boolean {
  return process.env.TRUST_PROXY === "1";
}

export function clientAddress(headers: HeaderSource): string {
  if (!trustsProxy()) return UNTRUSTED_CLIENT;
  // The proxy overwrites X-Real-IP with the peer address; failing that, the
  // last X-Forwarded-For hop is the one our proxy appended (earlier hops are
  // whatever the client sent).
  const realIp = read(headers, "x-real-ip")?.trim();
  if (realIp) return realIp.slice(0, 64);
  const forwarded = read(headers, "x-forwarded-for")?.split(",").map((hop) => hop.trim()).filter(Boolean).at(-1);
  return (forwarded ?? UNTRUSTED_CLIENT).slice(0, 64);
}

export function userAgentOf(headers: HeaderSource): string | undefined {
  return read(headers, "user-agent")?.slice(0, 300);
}
