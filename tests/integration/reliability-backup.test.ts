// Backup and restore: `npm run db:backup` then
// `npm run db:restore` into a new database give back every table with the
// same row count and the same content digest.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { cloneDatabase, createEmptyDatabase, databaseChecksums, dropDatabase } from "../support/reliability-stack";
import { PROJECT_ROOT } from "@/scripts/db/server";

const TSX = path.join(PROJECT_ROOT, "node_modules", "tsx", "dist", "cli.mjs");

/** Runs one of the npm scripts' files exactly as `npm run db:backup|db:restore` does, against `url`. */
function runScript(script: "db-backup" | "db-restore", url: string, file: string): string {
  return execFileSync(process.execPath, [TSX, "--conditions=react-server", path.join(PROJECT_ROOT, "scripts", `${script}.ts`), file], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    stdio: "pipe",
  });
}

describe("backup and restore round trip", () => {
  const created: string[] = [];
  const file = path.join(os.tmpdir(), `rel-backup-${crypto.randomBytes(4).toString("hex")}.dump`);

  afterAll(async () => {
    for (const url of created) await dropDatabase(url).catch(() => undefined);
    fs.rmSync(file, { force: true });
  });

  it("db:backup of the seeded database, db:restore into a new one: same tables, row counts and content checksums", async () => {
    // A still copy of the seeded test database (other test files keep writing to the shared one).
    const source = await cloneDatabase(process.env.DATABASE_URL!);
    created.push(source);
    const before = await databaseChecksums(source);
    expect(before.length).toBeGreaterThan(20);
    expect(before.find((table) => table.table === "Member")!.rows).toBeGreaterThan(10_000);

    expect(runScript("db-backup", source, file)).toContain("Đã sao lưu");
    expect(fs.statSync(file).size).toBeGreaterThan(100_000);

    const target = await createEmptyDatabase(source);
    created.push(target);
    expect(runScript("db-restore", target, file)).toContain("Đã khôi phục");
    const after = await databaseChecksums(target);
    expect(after).toEqual(before);
    console.log(`Sao lưu → khôi phục: ${before.length} bảng, ${before.reduce((sum, table) => sum + table.rows, 0).toLocaleString("vi-VN")} dòng, tất cả trùng số dòng và md5 (${before.map((table) => `${table.table} ${table.rows}`).join(", ")})`);

    // Restoring over a database that has since changed brings it back as it was (--clean, one transaction).
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    await client.query(`DELETE FROM "Attendance" WHERE "meetingId" IN (SELECT id FROM "Meeting" ORDER BY id LIMIT 50)`);
    await client.query(`UPDATE "Member" SET "fullName" = 'Đã sửa sau sao lưu' WHERE id IN (SELECT id FROM "Member" ORDER BY id LIMIT 10)`);
    await client.end();
    expect(await databaseChecksums(target)).not.toEqual(before);
    runScript("db-restore", target, file);
    expect(await databaseChecksums(target)).toEqual(before);
  }, 300_000);

  it("a restore from a damaged file fails and leaves the database as it was", async () => {
    const damaged = `${file}.damaged`;
    const target = await cloneDatabase(process.env.DATABASE_URL!);
    created.push(target);
    const before = await databaseChecksums(target);
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    try {
      expect(() => runScript("db-restore", target, damaged)).toThrow();
      expect(await databaseChecksums(target)).toEqual(before);
    } finally {
      fs.rmSync(damaged, { force: true });
    }
  }, 300_000);
});
