// The follower assignments API, called through its route handlers with API
// tokens (the same path as an HTTP request after routing): the board reads and
// changes a ward's follower; other wards and districts get 404; bad bodies 400.
import { NextRequest } from "next/server";
import { closeTestDb, testDb } from "../support/db";
import { actorOf, createTestWard, createUser, uniqueSuffix } from "../support/factories";
import { issueApiToken } from "@/lib/tokens/api-tokens";
import { GET } from "@/app/api/v1/followers/assignments/route";
import { DELETE, PUT } from "@/app/api/v1/followers/assignments/[id]/route";

afterAll(closeTestDb);

async function admin() {
  return actorOf(await testDb().user.findUniqueOrThrow({ where: { username: "admin" }, include: { orgUnit: true } }));
}

async function tokenFor(role: "BOARD_REVIEWER" | "WARD_COMMITTEE", orgUnitId: number) {
  return (await issueApiToken(await admin(), { name: `Thử phân công ${uniqueSuffix()}`, orgUnitId, role, expiresInDays: 1 })).secret;
}

/** Another district under the city, for "another district's board". */
async function foreignDistrict() {
  const db = testDb();
  const city = await db.orgUnit.findFirstOrThrow({ where: { level: "CITY", parentId: null } });
  const suffix = uniqueSuffix();
  const created = await db.orgUnit.create({ data: { code: `FA-${suffix}`, name: `Quận khác ${suffix}`, level: "DISTRICT", parentId: city.id, path: "/", depth: 1, validFrom: new Date("2020-01-01") } });
  return db.orgUnit.update({ where: { id: created.id }, data: { path: `${city.path}${created.id}/` } });
}

const request = (method: string, path: string, secret: string, body?: string) =>
  new NextRequest(`http://127.0.0.1${path}`, { method, headers: { authorization: `Bearer ${secret}`, ...(body === undefined ? {} : { "content-type": "application/json" }) }, body });
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const noParams = { params: Promise.resolve({} as Record<string, never>) };

async function answer(response: Response) {
  return { status: response.status, body: await response.json() };
}

describe("follower assignments API", () => {
  it("the board reads and changes a ward's follower; the same lib as the page", async () => {
    const own = await createTestWard("Phân công API");
    const board = await tokenFor("BOARD_REVIEWER", own.district.id);
    const specialist = await createUser("BOARD_REVIEWER", own.district.id);

    const put = await answer(await PUT(request("PUT", `/api/v1/followers/assignments/${own.ward.id}`, board, JSON.stringify({ userId: specialist.id })), params(String(own.ward.id))));
    expect(put).toEqual({ status: 200, body: { orgUnitId: own.ward.id, userId: specialist.id, changed: true } });
    expect(await testDb().followAssignment.findUnique({ where: { orgUnitId: own.ward.id } })).toMatchObject({ userId: specialist.id });
    expect(await testDb().auditEvent.count({ where: { action: "follower.assigned", orgUnitId: own.ward.id } })).toBe(1);
    // Idempotent.
    expect((await answer(await PUT(request("PUT", `/api/v1/followers/assignments/${own.ward.id}`, board, JSON.stringify({ userId: specialist.id })), params(String(own.ward.id))))).body.changed).toBe(false);

    const read = await answer(await GET(request("GET", `/api/v1/followers/assignments?orgUnitId=${own.ward.id}`, board), noParams));
    expect(read.status).toBe(200);
    expect(read.body.unit).toMatchObject({ id: own.ward.id, level: "WARD" });
    expect(read.body.wards).toEqual([expect.objectContaining({ id: own.ward.id, follower: { id: specialist.id, name: specialist.displayName } })]);
    expect(read.body.branches.map((branch: { id: number; follower: { id: number } }) => [branch.id, branch.follower.id])).toEqual(expect.arrayContaining(own.branches.map((branch) => [branch.id, specialist.id])));

    // DELETE removes it; again changes nothing.
    const removed = await answer(await DELETE(request("DELETE", `/api/v1/followers/assignments/${own.ward.id}`, board), params(String(own.ward.id))));
    expect(removed).toEqual({ status: 200, body: { orgUnitId: own.ward.id, userId: null, changed: true } });
    expect(await testDb().followAssignment.findUnique({ where: { orgUnitId: own.ward.id } })).toBeNull();
    expect((await answer(await DELETE(request("DELETE", `/api/v1/followers/assignments/${own.ward.id}`, board), params(String(own.ward.id))))).body.changed).toBe(false);
  });

  it("another ward's user gets 404, another district's board 404, a ward user 403 on writes, bad bodies 400 JSON; nothing changes", async () => {
    const own = await createTestWard("Phân công phạm vi");
    const other = await createTestWard("Phường khác");
    const board = await tokenFor("BOARD_REVIEWER", own.district.id);
    const otherWard = await tokenFor("WARD_COMMITTEE", other.ward.id);
    const foreignBoard = await tokenFor("BOARD_REVIEWER", (await foreignDistrict()).id);
    const specialist = await createUser("BOARD_REVIEWER", own.district.id);
    await PUT(request("PUT", `/api/v1/followers/assignments/${own.ward.id}`, board, JSON.stringify({ userId: specialist.id })), params(String(own.ward.id)));
    const before = await testDb().followAssignment.findMany({ where: { orgUnitId: { in: [own.ward.id, ...own.branches.map((branch) => branch.id)] } } });

    // Reading another ward's assignments: 404 in the error shape.
    const notFound = await answer(await GET(request("GET", `/api/v1/followers/assignments?orgUnitId=${own.ward.id}`, otherWard), noParams));
    expect(notFound).toEqual({ status: 404, body: { error: expect.objectContaining({ code: "NOT_FOUND" }) } });
    expect((await GET(request("GET", `/api/v1/followers/assignments?orgUnitId=${own.branches[0].id}`, otherWard), noParams)).status).toBe(404);
    expect((await GET(request("GET", `/api/v1/followers/assignments?orgUnitId=${own.ward.id}`, foreignBoard), noParams)).status).toBe(404);
    // Another district's board may assign but not here; a ward user may not assign at all.
    expect((await PUT(request("PUT", `/api/v1/followers/assignments/${own.ward.id}`, foreignBoard, JSON.stringify({ userId: null })), params(String(own.ward.id)))).status).toBe(404);
    expect((await DELETE(request("DELETE", `/api/v1/followers/assignments/${own.ward.id}`, foreignBoard), params(String(own.ward.id)))).status).toBe(404);
    expect((await PUT(request("PUT", `/api/v1/followers/assignments/${own.ward.id}`, otherWard, JSON.stringify({ userId: null })), params(String(own.ward.id)))).status).toBe(403);
    // A path that is no id: 404.
    expect((await PUT(request("PUT", "/api/v1/followers/assignments/abc", board, JSON.stringify({ userId: null })), params("abc"))).status).toBe(404);

    // Bad bodies: 400 with a Vietnamese message; an empty body never unassigns.
    for (const body of ["{}", JSON.stringify({ userId: "abc" }), JSON.stringify({ userId: -3 }), "{not json", ""]) {
      const bad = await answer(await PUT(request("PUT", `/api/v1/followers/assignments/${own.ward.id}`, board, body), params(String(own.ward.id))));
      expect(bad).toEqual({ status: 400, body: { error: expect.objectContaining({ code: "VALIDATION_FAILED", message: expect.any(String) }) } });
    }
    // A follower whose scope does not reach the ward (another ward's committee member): 400 naming why.
    const outside = await answer(await PUT(request("PUT", `/api/v1/followers/assignments/${own.ward.id}`, board, JSON.stringify({ userId: other.wardUser.id })), params(String(own.ward.id))));
    expect(outside.status).toBe(400);
    expect(outside.body.error.message).toMatch(/ngoài phạm vi/);

    expect(await testDb().followAssignment.findMany({ where: { orgUnitId: { in: [own.ward.id, ...own.branches.map((branch) => branch.id)] } } })).toEqual(before);
  });
});
