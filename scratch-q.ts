import pg from "pg";
import fs from "node:fs";
async function main() {
  const cfg = JSON.parse(fs.readFileSync(".data/postgres.json", "utf8"));
  const c = new pg.Client({ host: "127.0.0.1", port: cfg.port, user: "postgres", password: cfg.password, database: process.env.DB ?? "so_tay" });
  await c.connect();
  const r = await c.query(process.argv[2]);
  console.table(r.rows);
  await c.end();
}
main().catch((e) => { console.error(e.message); process.exit(1); });
