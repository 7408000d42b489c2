// The client's address for audit and rate limits.
//
// Every header that carries an address (X-Real-IP, X-Forwarded-For, …) can be
// written by the caller itself, and Next.js does not hand route handlers the
// socket address. So:
// - with TRUST_PROXY=1 (a reverse proxy in front that overwrites X-Real-IP,
//   docs/operations.md) the proxy's headers name the client;
// - otherwise the TCP peer names it: the server `npm start` runs
//   (scripts/serve.mjs) writes the socket address into X-Client-Address on
//   every request, replacing anything the client sent under that name, and
//   marks this process so that the header is believed only when it did;
// - a server that does not stamp (plain `next start`, the Docker image's
//   standalone server without its proxy) counts every caller as one client
//   ("direct"): rotating headers never buys a fresh rate-limit bucket.
import { trustProxy } from "@/lib/env";

type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

/** Used when the address cannot be known: one shared bucket for everyone. */
export const UNTRUSTED_CLIENT = "direct";
const SOCKET_ADDRESS_HEADER = "x-client-address";
const STAMPED = Symbol.for("so-tay.socket-address-stamped");

function read(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === "function") return (headers as { get(n: string): string | null }).get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

function trustsProxy(): boolean {
  return trustProxy();
}

/** Whether this process is served by scripts/serve.mjs, which stamps the socket address. */
export function stampsSocketAddress(): boolean {
  return (globalThis as Record<symbol, unknown>)[STAMPED] === true;
}

function socketAddress(headers: HeaderSource): string | undefined {
  if (!stampsSocketAddress()) return undefined;
  return read(headers, SOCKET_ADDRESS_HEADER)?.trim().slice(0, 64) || undefined;
}

export function clientAddress(headers: HeaderSource): string {
  if (!trustsProxy()) return socketAddress(headers) ?? UNTRUSTED_CLIENT;
  // The proxy overwrites X-Real-IP with the peer address; failing that, the
  // last X-Forwarded-For hop is the one our proxy appended (earlier hops are
  // whatever the client sent).
  const realIp = read(headers, "x-real-ip")?.trim();
  if (realIp) return realIp.slice(0, 64);
  const forwarded = read(headers, "x-forwarded-for")?.split(",").map((hop) => hop.trim()).filter(Boolean).at(-1);
  return (forwarded ?? socketAddress(headers) ?? UNTRUSTED_CLIENT).slice(0, 64);
}

export function userAgentOf(headers: HeaderSource): string | undefined {
  return read(headers, "user-agent")?.slice(0, 300);
}
