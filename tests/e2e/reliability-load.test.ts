// Load, short form: 50 simulated
// users on one app instance, then on two instances sharing one database with
// requests alternating between them. Zero 5xx, zero unexpected answers, zero
// lost writes, the same with two instances as with one (so nothing that
// matters lives in one process's memory). The full two-minute form:
// `npm run test:load` (docs/reliability.md). No timing assertions: figures are printed.
import { cloneDatabase, dropDatabase, startAppServer, type AppServer } from "../support/reliability-stack";
import { describeFigures, runMixedLoad } from "@/scripts/load/mixed-workload";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 15);
let databaseUrl: string;
const servers: AppServer[] = [];

beforeAll(async () => {
  databaseUrl = await cloneDatabase(process.env.DATABASE_URL!);
  servers.push(await startAppServer(databaseUrl), await startAppServer(databaseUrl));
}, 300_000);

afterAll(async () => {
  // Unexpected server errors, if any, with their stack (lib/log.ts writes one JSON line each).
  for (const server of servers) for (const line of server.output.join("").split("\n").filter((entry) => entry.includes('"level":"error"'))) console.log(`${server.baseUrl}: ${line.slice(0, 2000)}`);
  for (const server of servers) await server.stop();
  if (databaseUrl) await dropDatabase(databaseUrl);
});

describe("mixed load of 50 users", () => {
  for (const instances of [1, 2]) {
    it(`${instances} instance(s): no 5xx, no unexpected answer, every acknowledged write found`, async () => {
      const figures = await runMixedLoad({ baseUrls: servers.slice(0, instances).map((server) => server.baseUrl), databaseUrl, users: 50, durationMs: SECONDS * 1000 });
      console.log(`Tải hỗn hợp: ${describeFigures(figures)}`);
      expect(figures.unexpected).toEqual([]);
      expect(figures.serverErrors).toBe(0);
      expect(figures.lostWrites).toEqual([]);
      expect(figures.writesAcknowledged).toBeGreaterThan(20);
      expect(figures.writesFound).toBe(figures.writesAcknowledged);
      expect(figures.requests).toBeGreaterThan(100);
    }, 240_000);
  }
});
