// The class of open-redirect tricks on a "where to go next" parameter, shared by
// the unit sweep (tests/unit/security-input.test.ts) and the sweep against the
// running server (tests/e2e/security-input.test.ts). Each is a raw value, as the
// parameter reads after the query string is decoded once.
const HOST = "evil.example";

/** Ways to start a path that a browser or parser may read as "another host". */
const PREFIXES = [
  "//", "/\\", "\\/", "\\\\", "/%2F", "/%2f", "%2F%2F", "/%5C", "/%5c", "%5C%5C", "/%252F", "/%255C", "/%2F%2F", "/.%2F/", "/%09/", "/%0A/", "/%0D/", "/%00/",
  "/\t/", "/\n/", "/\r/", "/\u0000/", "/ /", "/\u00A0/", "/\u3000/", "/\u200B/", "/\u200E/", "/\u202E/", "/\u2066/", "/\uFEFF/", "/\u00AD/", "/\u2028/", "\t//", " //", "\u200B//",
  "///", "////", "/\\/", "/\t\\", "/./", "/../", "https://", "http://", "HTTPS://", "https:", "https:/", "//user@", "/@", "ftp://", "ws://",
  "／／", "/／", "\uFF0F\uFF0F", "\u2215\u2215", "/\u2215", "/\u29F8",
];

/** Schemes that run code or leave the site without a host. */
const SCHEMES = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", " javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "blob:https://evil.example/x", "mailto:x@evil.example"];

/** Absolute and scheme-relative URLs to other hosts, with userinfo and IDN tricks. */
const ABSOLUTE = [
  `https://${HOST}/`, `http://${HOST}`, `//${HOST}`, `https://${HOST}@localhost/`, `https://localhost@${HOST}/`, `https://localhost.${HOST}/`, `http://[::1]@${HOST}/`, `https://xn--80ak6aa92e.com/`, "https://еvil.example/",
  `/\\${HOST}`, `/\t/${HOST}/phish`, `/%09/${HOST}/phish`, `/%0A/x`, `/%0D%0ALocation:%20https://${HOST}`, `/\r\nLocation: https://${HOST}`,
];

export function redirectTricks(): string[] {
  const out = new Set<string>([...SCHEMES, ...ABSOLUTE]);
  for (const prefix of PREFIXES) {
    out.add(`${prefix}${HOST}`);
    out.add(`${prefix}${HOST}/phish?x=1`);
  }
  return [...out];
}

/** Legitimate targets that must survive unchanged. */
export const SAFE_TARGETS = ["/", "/drafts", "/drafts?status=AWAITING&q=h%C3%B2a", "/org/15", "/meetings/branch/12/2026-11", "/drafts/7?view=compare&with=previous#top", "/admin/users?q=a%20b"];

/** A target is safe when, resolved against our origin, it stays on it as a path with nothing a parser drops. */
export function isSameOriginPath(target: string, origin = "http://app.invalid"): boolean {
  if (!target.startsWith("/") || target.startsWith("//") || /[\p{Cc}\p{Cf}\p{Z}\s\\]/u.test(target)) return false;
  let decoded = target;
  for (let i = 0; i < 4; i++) {
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      break;
    }
  }
  if (/^[/\\]{2}/.test(decoded.split(/[?#]/)[0])) return false;
  return new URL(target, origin).origin === origin;
}
