// Input that is hostile by shape rather than by content: redirect targets and
// characters PostgreSQL cannot store. The same classes are swept against the
// running server in tests/e2e/security-input.test.ts.
import fc from "fast-check";
import { safeCallbackUrl } from "@/lib/http/safe-redirect";
import { z } from "zod";
import { isSameOriginPath, redirectTricks, SAFE_TARGETS } from "../support/redirect-tricks";
import { parseInput, unstorableTextDetails } from "@/lib/validation/parse";
import { isStorableText } from "@/lib/validation/storable-text";
import { parseCsv } from "@/lib/imports/csv";
import { signInErrorMessage as loginErrorMessage } from "@/lib/auth/sign-in-messages";
import { ValidationError } from "@/lib/errors";

describe("safeCallbackUrl: only a same-origin path follows a sign-in", () => {
  it.each(redirectTricks())("trick %j stays on the site", (trick) => {
    const target = safeCallbackUrl(trick);
    expect(isSameOriginPath(target)).toBe(true);
    // Whatever is kept is a path of ours: the other host may at most appear as a path segment.
    expect(new URL(target, "http://app.invalid").host).toBe("app.invalid");
  });

  it.each([
    "/\t/evil.example/phish",
    "/\n/x",
    "//evil.example",
    "/\\evil.example",
    "/%2F/evil.example",
    "/%5Cevil.example",
    "/%252F%252Fevil.example",
    "/\u200B/evil.example",
    "/\u202E/evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "/login?callbackUrl=//evil.example",
    "/./login",
    "/api/v1/me",
  ])("%j → home", (trick) => {
    expect(safeCallbackUrl(trick)).toBe("/");
  });

  it.each(SAFE_TARGETS)("keeps %s", (target) => {
    expect(safeCallbackUrl(target)).toBe(target);
  });

  it("property: any text, and any trick prefix before any text, gives a same-origin path", () => {
    const tricks = redirectTricks();
    const anyText = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: "binary", maxLength: 60 }), fc.string({ unit: "grapheme", maxLength: 30 }));
    fc.assert(
      fc.property(fc.constantFrom(...tricks, "/", "", "\\", "%2F", "%5C"), anyText, (prefix, rest) => {
        const target = safeCallbackUrl(prefix + rest);
        return isSameOriginPath(target) && new URL(target, "http://app.invalid").host === "app.invalid";
      }),
      { numRuns: 3000 },
    );
  });
});

describe("text PostgreSQL cannot store is refused where input is parsed", () => {
  const UNSTORABLE = ["\u0000", "a\u0000b", "\uD800", "x\uDBFF", "\uDC00y", "\uDFFF\uD800"];
  const FINE = ["", "Hòa Bình", "😀", "\uD83D\uDE00", "a\tb\nc", "\u200B", "\uFFFD"];

  it.each(UNSTORABLE)("refuses %j", (text) => expect(isStorableText(text)).toBe(false));
  it.each(FINE)("accepts %j", (text) => expect(isStorableText(text)).toBe(true));

  it("parseInput refuses it anywhere in the input (values, nested, arrays, keys), before the schema, naming the field", () => {
    const schema = z.object({ q: z.string().optional() }).passthrough();
    for (const input of [{ q: "a\u0000b" }, { nested: { deep: ["ok", "\uD800"] } }, { ["k\u0000"]: "v" }, { unknown: "\u0000" }]) {
      expect(() => parseInput(schema, input)).toThrow(ValidationError);
    }
    expect(unstorableTextDetails({ a: { b: ["x", "\u0000"] } })).toEqual([{ field: "a.b.1", path: ["a", "b", 1], message: expect.stringContaining("NUL") }]);
    expect(parseInput(schema, { q: "Hòa Bình 😀" })).toEqual({ q: "Hòa Bình 😀" });
  });

  it("property: any string with a NUL or a lone surrogate somewhere is refused; well-formed text without NUL passes", () => {
    const bad = fc.constantFrom("\u0000", "\uD800", "\uDBFF", "\uDC00", "\uDFFF");
    // Printable text around it (fc.string's default), so the bad character cannot pair up with a neighbour.
    fc.assert(fc.property(fc.string(), bad, fc.string(), (left, middle, right) => !isStorableText(left + middle + right)));
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (text) => isStorableText(text.replaceAll("\u0000", ""))));
  });

  it("CSV: a NUL (a UTF-16 file) refuses the whole file and says so", () => {
    const columns = [{ field: "code", header: "Mã" }];
    expect(() => parseCsv("Mã\nA\u0000B\n", columns)).toThrow(/NUL.*dòng 2/);
    expect(() => parseCsv(Buffer.from("Mã\nA\n", "utf16le").toString("utf8"), columns)).toThrow(/NUL/);
    expect(parseCsv("Mã\nHòa\n", columns).rows).toEqual([{ row: 2, values: { code: "Hòa" } }]);
  });
});

describe("/login?error: only our messages for next-auth's codes", () => {
  it.each(["CredentialsSignin", "SessionRequired", "Configuration", "AccessDenied", "Default"])("%s → a message of ours", (code) => {
    expect(loginErrorMessage(code)).toMatch(/đăng nhập|Tài khoản/);
  });
  it.each(["Tài khoản bị khóa, gọi 0900 000 000", "<b>x</b>", "toString", "__proto__", "constructor", "", undefined])("%j → nothing", (text) => {
    expect(loginErrorMessage(text)).toBeUndefined();
  });
  it("property: any other text shows nothing", () => {
    fc.assert(fc.property(fc.string(), (text) => loginErrorMessage(text) === undefined || /^[A-Z][A-Za-z]+$/.test(text)));
  });
});
