// axe-core on every page of the route matrix, in Chromium, for every role that
// may open it (the sign-in page signed out): no serious or critical violation.
import fs from "node:fs";
import type { Page } from "playwright-core";
import type { Role } from "@/lib/generated/prisma/enums";
import { chromiumForFile } from "../support/browser";
import { baseUrl } from "../support/http";
import { TEST_PASSWORD } from "../support/factories";
import { closeTestDb } from "../support/db";
import { allowMoreSignIns } from "../support/drafts-factories";
import { createSecurityScopes, type SecurityScopes } from "../support/security-factories";
import { expectedOutcome, MATRIX_ROLES, ROUTE_MATRIX, type PageEntry } from "../support/route-matrix";

const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const CLIENT = { "x-real-ip": `e2e-accessibility-${process.pid}` };

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] };

const chromium = chromiumForFile();
afterAll(closeTestDb);

/** Serious and critical axe violations of the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations;
  });
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(", ")}${violation.nodes.length > 3 ? ` (+${violation.nodes.length - 3})` : ""}`);
}

describe("accessibility of every page", () => {
  let scopes: SecurityScopes;
  const pages = ROUTE_MATRIX.filter((entry): entry is PageEntry => entry.kind === "page");

  beforeAll(async () => {
    scopes = await createSecurityScopes("Trợ năng");
    await allowMoreSignIns();
  }, 180_000);

  it("the sign-in page, signed out", async () => {
    const page = await chromium.newPage();
    await page.goto(`${baseUrl()}/login`);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it.each(MATRIX_ROLES)("every page %s may open", async (role: Role) => {
    const page = await chromium.pageAs(scopes.users[role].username, TEST_PASSWORD, undefined, { extraHTTPHeaders: CLIENT });
    const problems: string[] = [];
    let opened = 0;
    for (const entry of pages) {
      if (entry.access === "public" || expectedOutcome(entry, role, "own") !== "ok") continue;
      const path = entry.path(scopes.idsFor(role, "own"));
      const response = await page.goto(`${baseUrl()}${path}`);
      if (!response || response.status() >= 400) {
        problems.push(`${path}: HTTP ${response?.status()}`);
        continue;
      }
      opened++;
      for (const line of await seriousViolations(page)) problems.push(`${path}: ${line}`);
    }
    expect(problems).toEqual([]);
    expect(opened).toBeGreaterThan(5);
  }, 300_000);
});
