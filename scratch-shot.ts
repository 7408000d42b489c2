// scratch: viewport screenshots (not committed)
import path from "node:path";
import { launchBrowser, signIn } from "./tests/support/browser";
async function main() {
  const [user, width, height, out, ...targets] = process.argv.slice(2);
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) }, locale: "vi-VN" });
  await signIn(page, "http://localhost:3101", user, "LongBien@2026");
  for (const target of targets) {
    const [url, scroll] = target.split("@");
    await page.goto(`http://localhost:3101${url}`, { waitUntil: "networkidle" });
    if (scroll) await page.evaluate((y) => window.scrollTo(0, Number(y)), scroll);
    const file = path.join(out, `${user}${url.replace(/[^a-z0-9]+/gi, "_")}${scroll ? "_s" + scroll : ""}-${width}.png`);
    await page.screenshot({ path: file });
    console.log(file);
  }
  await browser.close();
}
main();
