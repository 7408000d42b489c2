import { api, signInOverHttp, DEMO_PASSWORD, type Session } from "../support/http";
import { TEST_PASSWORD, createUser } from "../support/factories";
import { closeTestDb } from "../support/db";
import { attendance, createMeetingWard } from "../support/meetings-factories";
import { todayIso } from "@/lib/format/date";

afterAll(closeTestDb);

// Inert: the test server runs without TRUST_PROXY, so X-Real-IP is ignored; successful sign-ins
// never count against an address anyway (docs/security.md, "Sign-in").
const CLIENT = { "x-real-ip": `e2e-meetings-scope-${process.pid}` };

async function session(username: string, password = TEST_PASSWORD): Promise<Session> {
  const { session, error } = await signInOverHttp(username, password, CLIENT);
  if (error) throw new Error(`sign-in failed: ${error}`);
  return session;
}

describe("meetings API and pages: no cross-ward reads or writes", () => {
  it("records through PUT idempotently, and another ward can neither read nor change it", async () => {
    const own = await createMeetingWard("API");
    const other = await createMeetingWard("Khác");
    const today = todayIso();
    const period = today.slice(0, 7);
    const secretary = await session(own.secretary.username);
    const wardUser = await session(own.wardUser.username);
    const otherWard = await session(other.wardUser.username);
    const otherSecretary = await session(other.secretary.username);

    const members = await api(`/api/v1/branches/${own.branches[0].id}/members`, { session: secretary });
    expect(members.status).toBe(200);
    expect((members.body.items as { status: string }[]).map((m) => m.status).sort()).toEqual(["ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "EXEMPT"]);
    expect((await api(`/api/v1/branches/${own.branches[1].id}/members`, { session: secretary })).status).toBe(404);
    expect((await api(`/api/v1/branches/${own.branches[0].id}/members`, { session: otherWard })).status).toBe(404);

    const body = { branchId: own.branches[0].id, period, kind: "REGULAR", heldOn: today, usedHandbook: true, attendance: attendance(own.members[0]) };
    const put = (s: Session, b: unknown = body) => api("/api/v1/meetings", { method: "PUT", session: s, headers: { "content-type": "application/json" }, body: JSON.stringify(b) });
    const first = await put(secretary);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: true, changed: true, expected: 4, present: 4, excused: 0, unexcused: 0, period, kind: "REGULAR", heldOn: today, usedHandbook: true, versionNo: 1 });
    const again = await put(secretary);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, created: false, changed: false, versionNo: 1 });

    // Bad input is a 400 that names the problem, never a 500.
    const malformed = await api("/api/v1/meetings", { method: "PUT", session: secretary, headers: { "content-type": "application/json" }, body: "{" });
    expect(malformed.status).toBe(400);
    const incomplete = await put(secretary, { ...body, attendance: [] });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error?.message).toMatch(/Thiếu điểm danh của 4 đảng viên/);
    expect((await put(secretary, { ...body, period: "2026-13" })).status).toBe(400);

    // Writes from outside the branch: another ward's secretary gets 404, a ward committee 403 (it does not record).
    expect((await put(otherSecretary)).status).toBe(404);
    expect((await put(wardUser)).status).toBe(403);

    // Reads from another ward: 404 everywhere.
    const meetingId = first.body.id as number;
    expect((await api(`/api/v1/meetings/${meetingId}`, { session: otherWard })).status).toBe(404);
    expect((await api(`/api/v1/meetings?orgUnitId=${own.ward.id}`, { session: otherWard })).status).toBe(404);
    expect((await api(`/api/v1/meetings/compliance?orgUnitId=${own.ward.id}&period=${period}`, { session: otherWard })).status).toBe(404);
    expect((await api(`/api/v1/members/flags?orgUnitId=${own.ward.id}`, { session: otherWard })).status).toBe(404);
    expect((await api(`/api/v1/meetings/compliance/export?orgUnitId=${own.ward.id}&period=${period}`, { session: otherWard })).status).toBe(404);
    const theirs = await api(`/api/v1/meetings?period=${period}`, { session: otherWard });
    expect((theirs.body.items as { id: number }[]).map((m) => m.id)).not.toContain(meetingId);

    // The own ward reads it.
    const detail = await api(`/api/v1/meetings/${meetingId}`, { session: wardUser });
    expect(detail.status).toBe(200);
    expect(detail.body.attendance).toHaveLength(4);
    const compliance = await api(`/api/v1/meetings/compliance?orgUnitId=${own.ward.id}&period=${period}`, { session: wardUser });
    expect(compliance.body.items).toHaveLength(2);
    expect((compliance.body.items as { orgUnit: { id: number }; held: number }[]).find((item) => item.orgUnit.id === own.branches[0].id)).toMatchObject({ held: 1, branches: 1, attendanceRate: 1 });
    const xlsx = await fetch(`${process.env.E2E_BASE_URL}/api/v1/meetings/compliance/export?orgUnitId=${own.ward.id}&period=${period}&format=xlsx`, { headers: { cookie: wardUser.cookie } });
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    const csv = await (await fetch(`${process.env.E2E_BASE_URL}/api/v1/meetings/compliance/export?orgUnitId=${own.ward.id}&period=${period}&format=csv`, { headers: { cookie: wardUser.cookie } })).text();
    expect(csv).toContain("Đã sinh hoạt");

    // Leaders read figures, not the member flags; dismissing alerts is for the ward and the board.
    const leader = await createUser("LEADER", own.ward.id);
    const leaderSession = await session(leader.username);
    expect((await api(`/api/v1/meetings/compliance?period=${period}`, { session: leaderSession })).status).toBe(200);
    expect((await api("/api/v1/members/flags", { session: leaderSession })).status).toBe(403);
    const dismiss = await api("/api/v1/meetings/alerts/dismiss", { method: "POST", session: otherWard, headers: { "content-type": "application/json" }, body: JSON.stringify({ kind: "MISSING_MINUTES", subjectKey: `meeting:${meetingId}`, reason: "Không thuộc phạm vi" }) });
    expect(dismiss.status).toBe(404);

    // Pages of another ward's units answer 404 too.
    for (const path of [`/meetings?unit=${own.ward.id}`, `/meetings/branch/${own.branches[0].id}`, `/meetings/branch/${own.branches[0].id}/${period}`, `/meetings/branch/${own.branches[0].id}/${period}/print`, `/meetings/flags?unit=${own.ward.id}`, `/meetings/alerts?unit=${own.ward.id}`]) {
      expect([path, (await api(path, { session: otherWard })).status]).toEqual([path, 404]);
    }
    expect((await api(`/meetings/branch/${own.branches[0].id}/${period}/record`, { session: otherSecretary })).status).toBe(404);
    expect((await api(`/meetings/branch/${own.branches[0].id}/${period}`, { session: secretary })).status).toBe(200);

    // The OpenAPI document describes the meeting endpoints.
    const openapi = await api("/api/v1/openapi.json");
    expect(Object.keys(openapi.body.paths as object)).toEqual(expect.arrayContaining(["/meetings", "/meetings/compliance", "/members/flags", "/branches/{id}/members"]));
  });

  it("the board imports attendance as CSV with a dry run and row errors", async () => {
    const own = await createMeetingWard("Nhập API");
    const board = await session("bantochuc", DEMO_PASSWORD);
    const today = todayIso();
    const member = own.members[0].find((m) => m.status === "ACTIVE")!;
    const csv = `Mã chi bộ,Kỳ,Ngày họp,Mã đảng viên,Điểm danh\n${own.branches[0].code},${today.slice(0, 7)},${today},${member.code},Có mặt\n${own.branches[0].code},${today.slice(0, 7)},${today},KHONG-CO,Có mặt\n`;
    const result = await api("/api/v1/imports/attendance?dryRun=1", { method: "POST", session: board, headers: { "content-type": "text/csv" }, body: csv });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ dryRun: true, accepted: 1, rejected: 1, errors: [{ row: 3, field: "memberCode" }] });
  });
});
