// Reading generated DOCX in tests: the text of word/document.xml, and the
// PDF headless LibreOffice makes of it (with pdftotext's text and page PNGs).
import { execFile } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir, copyFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Paragraph texts of a DOCX, one per line, without XML. */
export async function docxText(file: Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "docx-"));
  try {
    await writeFile(path.join(dir, "d.docx"), file);
    const { stdout } = await run("unzip", ["-p", path.join(dir, "d.docx"), "word/document.xml"], { maxBuffer: 64 * 1024 * 1024 });
    return stdout
      .replace(/<\/w:p>/g, "\n")
      .replace(/<w:tab\/>/g, "\t")
      .replace(/<[^>]+>/g, "")
      .replace(/&amp;/g, "&")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Converts a DOCX to PDF with headless LibreOffice (its own throwaway profile,
 * so parallel runs do not share one) and returns pdftotext's text (layout
 * kept) and the page count. `shotsDir` also gets the pages as PNG.
 */
export async function officePdf(file: Buffer, name: string, shotsDir?: string): Promise<{ text: string; pages: number; pdf: Buffer }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "office-"));
  try {
    const source = path.join(dir, `${name}.docx`);
    await writeFile(source, file);
    await run("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, source], { timeout: 180_000 });
    const pdfPath = path.join(dir, `${name}.pdf`);
    const { stdout: text } = await run("pdftotext", ["-layout", "-enc", "UTF-8", pdfPath, "-"], { maxBuffer: 64 * 1024 * 1024 });
    const { stdout: info } = await run("pdfinfo", [pdfPath]);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
    if (shotsDir) {
      await mkdir(shotsDir, { recursive: true });
      await run("pdftoppm", ["-png", "-r", "70", pdfPath, path.join(dir, name)]);
      for (const entry of await readdir(dir)) if (entry.startsWith(name) && entry.endsWith(".png")) await copyFile(path.join(dir, entry), path.join(shotsDir, entry));
      await copyFile(pdfPath, path.join(shotsDir, `${name}.pdf`));
    }
    return { text, pages, pdf: await readFile(pdfPath) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
