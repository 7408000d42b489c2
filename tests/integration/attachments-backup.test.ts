// db:backup packs the local attachment folder beside the dump; db:restore puts
// it back (into a new database and an emptied folder here).
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { cloneDatabase, createEmptyDatabase, dropDatabase } from "../support/reliability-stack";
import { PROJECT_ROOT } from "@/scripts/db/server";

const TSX = path.join(PROJECT_ROOT, "node_modules", "tsx", "dist", "cli.mjs");

function runScript(script: "db-backup" | "db-restore", url: string, file: string, attachmentsDir: string): string {
  return execFileSync(process.execPath, [TSX, "--conditions=react-server", path.join(PROJECT_ROOT, "scripts", `${script}.ts`), file], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: url, ATTACHMENTS_DIR: attachmentsDir },
    encoding: "utf8",
    stdio: "pipe",
  });
}

describe("backup and restore carry the attachments", () => {
  const created: string[] = [];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "att-backup-"));
  const file = path.join(work, `so_tay-${crypto.randomBytes(4).toString("hex")}.dump`);
  afterAll(async () => {
    for (const url of created) await dropDatabase(url).catch(() => undefined);
    fs.rmSync(work, { recursive: true, force: true });
  });

  it("the files come back byte for byte with the rows that name them", async () => {
    const source = await cloneDatabase(process.env.DATABASE_URL!);
    created.push(source);
    const dir = path.join(work, "attachments");
    const key = `2026/${crypto.randomUUID()}`;
    const bytes = crypto.randomBytes(50_000);
    fs.mkdirSync(path.join(dir, "2026"), { recursive: true });
    fs.writeFileSync(path.join(dir, key), bytes);
    const client = new pg.Client({ connectionString: source });
    await client.connect();
    // The clone carries the rows of suites running beside this one, whose files live elsewhere: this copy holds only ours.
    await client.query(`DELETE FROM "Attachment"`);
    await client.query(
      `INSERT INTO "Attachment" (kind, "branchId", "meetingId", "fileName", "contentType", size, sha256, "storageKey", "uploadedByName") VALUES ('MEETING_MINUTES', 1, 1, 'bien-ban.pdf', 'application/pdf', $1, $2, $3, 'Sao lưu')`,
      [bytes.length, crypto.createHash("sha256").update(bytes).digest("hex"), key],
    );
    await client.end();

    const backup = runScript("db-backup", source, file, dir);
    expect(backup).toContain("Đã sao lưu tệp đính kèm");
    expect(fs.existsSync(`${file}.attachments.tar.gz`)).toBe(true);

    // A new machine: empty database, no attachment folder.
    const target = await createEmptyDatabase(source);
    created.push(target);
    const restoredDir = path.join(work, "restored");
    expect(runScript("db-restore", target, file, restoredDir)).toContain("Đã khôi phục tệp đính kèm (1 tệp)");
    expect(fs.readFileSync(path.join(restoredDir, key)).equals(bytes)).toBe(true);
    const check = new pg.Client({ connectionString: target });
    await check.connect();
    const { rows } = await check.query(`SELECT "storageKey" FROM "Attachment"`);
    await check.end();
    expect(rows.map((row) => row.storageKey)).toEqual([key]);
  }, 600_000);
});
