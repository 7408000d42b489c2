import pg from "pg";
import { applyMigrations, diffDatabaseToSchema, listMigrations } from "@/scripts/db/migrations";

describe("migrations", () => {
  it("schema.prisma and prisma/migrations agree (a change without a migration fails here)", async () => {
    const drift = await diffDatabaseToSchema(process.env.DATABASE_URL!);
    expect(drift).toBe("");
  });

  it("are recorded in _prisma_migrations as prisma migrate deploy records them, and re-applying is a no-op", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const rows = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
        "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name",
      );
      expect(rows.rows.map((row) => row.migration_name)).toEqual(listMigrations().map((migration) => migration.path));
      for (const row of rows.rows) {
        expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
        expect(row.finished_at).not.toBeNull();
        expect(row.rolled_back_at).toBeNull();
      }
    } finally {
      await client.end();
    }
    expect(await applyMigrations(process.env.DATABASE_URL!)).toEqual([]);
  });

  it("creates the Vietnamese search function: diacritics and tone-mark placement do not matter", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query("SELECT vn_fold('Nghị quyết Hoà Bình') AS a, vn_fold('nghi quyet hòa binh') AS b, vn_fold('Đảng ủy') AS c");
      expect(rows[0].a).toBe(rows[0].b);
      expect(rows[0].c).toBe("dang uy");
    } finally {
      await client.end();
    }
  });
});
