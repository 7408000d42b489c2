// Where to go after sign-in. The value comes from the URL, so anyone can write
// it: browsers and URL parsers drop tabs and newlines, treat "\" as "/", and
// read "//host" as another site, so prefix checks on the raw text are not
// enough. The value is resolved the way a browser would, against our own
// origin, and kept only if it stays there as a plain path.

// Any origin of ours gives the same answer: only the path part is kept.
const OWN_ORIGIN = "http://app.invalid";

/** Control, format (zero-width, bidi, BOM, soft hyphen), separator and other whitespace characters. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Zs}\s\uFFFC-\uFFFF]/u;

const HOME = "/";

/** Percent-decodes until stable (a few rounds), so "/%252F" is judged as "//"; undecodable text is refused. */
function decodeFully(text: string): string | null {
  let current = text;
  for (let round = 0; round < 4; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
}

/** Only same-origin paths of the app may follow a sign-in; anything else goes home ("/"). */
export function safeCallbackUrl(value: string | undefined | null): string {
  if (!value || value.length > 2000) return HOME;
  // A path, written plainly: no scheme, no host, nothing a parser would silently drop.
  if (!value.startsWith("/") || INVISIBLE.test(value) || value.includes("\\")) return HOME;
  let url: URL;
  try {
    url = new URL(value, OWN_ORIGIN);
  } catch {
    return HOME;
  }
  if (url.origin !== OWN_ORIGIN || url.username || url.password) return HOME;
  // The path as a server or a later redirect would read it, encoded slashes and backslashes included.
  const path = decodeFully(url.pathname);
  if (path === null || INVISIBLE.test(path) || /^[/\\]{2}/.test(path) || path.includes("\\")) return HOME;
  if (path === "/login" || path.startsWith("/login/") || path.startsWith("/api/")) return HOME;
  return `${url.pathname}${url.search}${url.hash}`;
}
