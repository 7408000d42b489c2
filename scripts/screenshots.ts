// npm run screenshots -- --user <username> [--password P] [--width 1280] [--out dir] [--viewport] /path1 /path2 ...
// Signs in and saves full-page PNGs of the given pages of a running app (BASE_URL, default http://localhost:3000).
import fs from "node:fs";
import path from "node:path";
import { launchBrowser, signIn } from "../tests/support/browser";

async function main() {
  const args = process.argv.slice(2);
  const option = (name: string, fallback?: string) => {
    const i = args.indexOf(`--${name}`);
    if (i === -1) return fallback;
    const [value] = args.splice(i, 2).slice(1);
    return value;
  };
  const user = option("user");
  const password = option("password", process.env.DEMO_PASSWORD ?? "LongBien@2026")!;
  const width = Number(option("width", "1280"));
  const out = option("out", "screenshots")!;
  const viewportOnly = args.includes("--viewport") ? (args.splice(args.indexOf("--viewport"), 1), true) : false;
  const baseUrl = process.env.BASE_URL ?? "http://localhost:3000";
  fs.mkdirSync(out, { recursive: true });
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width, height: width < 600 ? 860 : 900 }, locale: "vi-VN" });
  if (user) await signIn(page, baseUrl, user, password);
  for (const target of args) {
    await page.goto(`${baseUrl}${target}`, { waitUntil: "networkidle" });
    const file = path.join(out, `${(user ?? "anon")}${target.replace(/[^a-z0-9]+/gi, "_")}-${width}.png`);
    await page.screenshot({ path: file, fullPage: !viewportOnly });
    console.log(file);
  }
  await browser.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
