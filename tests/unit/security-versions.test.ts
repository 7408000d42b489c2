// Known vulnerabilities (docs/security.md, "Advisories"): the registry here
// refuses `npm audit`, so this test reads the installed versions and fails
// when one is below the release that fixes an advisory of its line.
import fs from "node:fs";
import path from "node:path";

type Advisory = { id: string; what: string; pkg: "next" | "react" | "react-dom" | "next-auth"; fixed: string[] };

/** Fixed releases per release line (the line is major.minor; a version of a later line than all listed is fine). */
export const ADVISORIES: Advisory[] = [
  { id: "CVE-2025-29927", what: "Next.js middleware bypass with the x-middleware-subrequest header", pkg: "next", fixed: ["12.3.5", "13.5.9", "14.2.25", "15.2.3"] },
  { id: "CVE-2025-55182", what: "React Server Components remote code execution (React2Shell)", pkg: "react", fixed: ["19.0.1", "19.1.2", "19.2.1"] },
  { id: "CVE-2025-55182", what: "React2Shell, react-dom shipped with the same release", pkg: "react-dom", fixed: ["19.0.1", "19.1.2", "19.2.1"] },
  { id: "CVE-2025-66478", what: "Next.js App Router RCE through React Server Components (React2Shell in Next.js)", pkg: "next", fixed: ["15.0.5", "15.1.9", "15.2.6", "15.3.6", "15.4.8", "15.5.7", "16.0.7"] },
  { id: "CVE-2025-55183", what: "Server Components source code exposure", pkg: "next", fixed: ["15.0.7", "15.1.11", "15.2.8", "15.3.8", "15.4.10", "15.5.9", "16.0.10"] },
  { id: "CVE-2025-55184", what: "Server Components denial of service (and its incomplete fix)", pkg: "next", fixed: ["14.2.35", "15.0.7", "15.1.11", "15.2.8", "15.3.8", "15.4.10", "15.5.9", "16.0.10"] },
  { id: "CVE-2025-67779", what: "Server Components denial of service, complete fix", pkg: "react", fixed: ["19.0.3", "19.1.4", "19.2.3"] },
  { id: "CVE-2025-67779", what: "Server Components denial of service, complete fix", pkg: "react-dom", fixed: ["19.0.3", "19.1.4", "19.2.3"] },
  { id: "CVE-2023-48309", what: "next-auth: a session could be kept after the user was signed out (JWT without expiry check)", pkg: "next-auth", fixed: ["4.24.5"] },
  { id: "GHSA-5jpx-9hw9-2fx4", what: "next-auth: e-mail sign-in misdelivery through nodemailer address parsing", pkg: "next-auth", fixed: ["4.24.12"] },
];

function parse(version: string): number[] {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) throw new Error(`not a version: ${version}`);
  return match.slice(1).map(Number);
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Whether `installed` contains the fix: at or above the fixed release of its line, or on a line newer than every fixed one. */
export function includesFix(installed: string, fixed: string[]): boolean {
  const version = parse(installed);
  const sameLine = fixed.map(parse).find((candidate) => candidate[0] === version[0] && candidate[1] === version[1]);
  if (sameLine) return compare(version, sameLine) >= 0;
  const newest = fixed.map(parse).sort(compare).at(-1)!;
  return compare(version, newest) > 0;
}

function installedVersion(pkg: string): string {
  return JSON.parse(fs.readFileSync(path.join(process.cwd(), "node_modules", pkg, "package.json"), "utf8")).version as string;
}

describe("installed versions include the fixes of known advisories", () => {
  it.each(ADVISORIES.map((advisory) => [`${advisory.id} (${advisory.pkg})`, advisory] as const))("%s", (_label, advisory) => {
    const installed = installedVersion(advisory.pkg);
    expect({ pkg: advisory.pkg, installed, fixed: advisory.fixed, ok: includesFix(installed, advisory.fixed) }).toEqual({ pkg: advisory.pkg, installed, fixed: advisory.fixed, ok: true });
  });

  it("the guard itself can fail: vulnerable versions are caught", () => {
    expect(includesFix("16.0.6", ["16.0.7"])).toBe(false);
    expect(includesFix("15.2.2", ["15.2.3"])).toBe(false);
    expect(includesFix("19.2.2", ["19.0.3", "19.1.4", "19.2.3"])).toBe(false);
    expect(includesFix("15.6.0", ["15.5.9", "16.0.10"])).toBe(false);
    expect(includesFix("16.4.6", ["16.0.10"])).toBe(true);
    expect(includesFix("19.3.1", ["19.2.3"])).toBe(true);
  });

  it("react and react-dom are the same release, and next's own compiled React is not older", () => {
    expect(installedVersion("react")).toBe(installedVersion("react-dom"));
    // next ships its own React (a canary) for the App Router's server side: it must postdate the fixes (2025-12-11).
    const source = fs.readFileSync(path.join(process.cwd(), "node_modules/next/dist/compiled/react/cjs/react.production.js"), "utf8");
    const compiled = /version = "([^"]+)"/.exec(source)![1];
    const canaryDate = /-(\d{8})$/.exec(compiled)?.[1];
    expect({ compiled, ok: canaryDate ? canaryDate >= "20251211" : includesFix(compiled, ["19.0.3", "19.1.4", "19.2.3"]) }).toEqual({ compiled, ok: true });
  });
});
