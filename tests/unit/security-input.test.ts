// Input that is hostile by shape rather than by content: redirect targets and
// characters PostgreSQL cannot store. The same classes are swept against the
// running server in tests/e2e/security-input.test.ts.
import fc from "fast-check";
import { safeCallbackUrl } from "@/lib/http/safe-redirect";
import { isSameOriginPath, redirectTricks, SAFE_TARGETS } from "../support/redirect-tricks";

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
