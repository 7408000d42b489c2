// Read replicas: a primary (embedded PostgreSQL this
// test owns, holding a copy of the test database) and a real hot standby fed
// by streaming replication (pg_basebackup -R). The app runs with
// DATABASE_READ_URLS pointing at the standby. With replay paused on the
// standby, a change made on the primary proves where each read went:
// lists and dashboards → the replica; details and the client's reads right
// after its own write → the primary. Replay resumed, the lists catch up.
import { withDatabase } from "@/scripts/db/server";
import { allowMoreSignIns, cloneDatabase, queryRows, signIn, startAppServer, startOwnPostgres, startStreamingReplica, type AppServer } from "../support/reliability-stack";

let primary: Awaited<ReturnType<typeof startOwnPostgres>>;
let replica: Awaited<ReturnType<typeof startStreamingReplica>>;
let primaryUrl: string;
let replicaUrl: string;
let server: AppServer;

const query = queryRows;

beforeAll(async () => {
  primary = await startOwnPostgres();
  primaryUrl = await cloneDatabase(process.env.DATABASE_URL!, primary.url);
  replica = await startStreamingReplica(primary.url);
  replicaUrl = withDatabase(replica.url, new URL(primaryUrl).pathname.slice(1));
  server = await startAppServer(primaryUrl, { DATABASE_READ_URLS: `${replicaUrl},${replicaUrl}` });
  await allowMoreSignIns(primaryUrl);
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await replica?.stop();
  await primary?.destroy();
});

async function caughtUp(): Promise<void> {
  const [{ lsn }] = await query<{ lsn: string }>(primaryUrl, "SELECT pg_current_wal_lsn()::text AS lsn");
  for (let i = 0; i < 200; i++) {
    const [{ behind }] = await query<{ behind: boolean }>(replicaUrl, "SELECT pg_last_wal_replay_lsn() < $1::pg_lsn AS behind", [lsn]);
    if (!behind) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("Bản sao không theo kịp bản chính sau 20 giây");
}

describe("read replicas behind DATABASE_READ_URLS", () => {
  it("the standby really replicates the primary", async () => {
    const [{ recovery }] = await query<{ recovery: boolean }>(replicaUrl, "SELECT pg_is_in_recovery() AS recovery");
    expect(recovery).toBe(true);
    await query(primaryUrl, `UPDATE "AppSetting" SET value = value WHERE key = 'auth.secret'`);
    await caughtUp();
    const count = async (url: string) => Number((await query<{ n: string }>(url, `SELECT count(*) AS n FROM "Member"`))[0].n);
    expect(await count(replicaUrl)).toBe(await count(primaryUrl));
  });

  it("lists read the replica, details and the writer's own next reads the primary; lists catch up when replay resumes", async () => {
    const cookie = await signIn(server.baseUrl, "phuong-bo-de");
    const [meeting] = await query<{ id: number; branchId: number; period: string; usedHandbook: boolean }>(
      primaryUrl,
      `SELECT m.id, m."branchId", m.period, m."usedHandbook" FROM "Meeting" m JOIN "OrgUnit" b ON b.id = m."branchId" WHERE b.code = 'LB-BD-01' ORDER BY m.period DESC LIMIT 1`,
    );
    const listPath = `/api/v1/meetings?orgUnitId=${meeting.branchId}&period=${meeting.period}`;
    const listed = async (headers: Record<string, string>) => {
      const response = await fetch(`${server.baseUrl}${listPath}`, { headers });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { items: { id: number; usedHandbook: boolean }[] };
      return body.items.find((item) => item.id === meeting.id)!.usedHandbook;
    };
    expect(await listed({ cookie })).toBe(meeting.usedHandbook);

    await query(replicaUrl, "SELECT pg_wal_replay_pause()");
    try {
      await query(primaryUrl, `UPDATE "Meeting" SET "usedHandbook" = NOT "usedHandbook" WHERE id = $1`, [meeting.id]);
      const changed = !meeting.usedHandbook;
      // The list (twice: both replica slots of the round-robin) still shows the replica's value.
      expect(await listed({ cookie })).toBe(meeting.usedHandbook);
      expect(await listed({ cookie })).toBe(meeting.usedHandbook);
      // A detail is read on the primary.
      const detail = await fetch(`${server.baseUrl}/api/v1/meetings/${meeting.id}`, { headers: { cookie } });
      expect(((await detail.json()) as { usedHandbook: boolean }).usedHandbook).toBe(changed);

      // Read-your-own-write: a write through the API hands back a short-lived cookie that keeps this client's reads on the primary.
      const write = await fetch(`${server.baseUrl}/api/v1/notifications/read`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ all: true }) });
      expect(write.status).toBeLessThan(300);
      const primaryCookie = write.headers.getSetCookie().find((header) => header.startsWith("stdv_primary_until="));
      expect(primaryCookie).toBeDefined();
      expect(await listed({ cookie: `${cookie}; ${primaryCookie!.split(";")[0]}` })).toBe(changed);
      // Another client (no such cookie) still reads the replica.
      expect(await listed({ cookie })).toBe(meeting.usedHandbook);
    } finally {
      await query(replicaUrl, "SELECT pg_wal_replay_resume()");
    }
    await caughtUp();
    expect(await listed({ cookie })).toBe(!meeting.usedHandbook);
  });
});
