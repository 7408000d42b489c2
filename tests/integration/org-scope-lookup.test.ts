import { createTestWard, createUser, actorOf } from "../support/factories";
import { closeTestDb, testDb } from "../support/db";
import { findUnitInScope, unitAncestors } from "@/lib/org/org-units";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

afterAll(closeTestDb);

async function adminActor() {
  return actorOf(await testDb().user.findUniqueOrThrow({ where: { username: "admin" }, include: { orgUnit: true } }));
}

describe("findUnitInScope: the one scope lookup for a unit", () => {
  it("returns a unit inside the actor's subtree, and the scope root when no id is asked for", async () => {
    const own = await createTestWard();
    const branch = await findUnitInScope(own.wardActor, own.branches[1].id, "meeting.read");
    expect(branch).toMatchObject({ id: own.branches[1].id, path: own.branches[1].path, level: "BRANCH" });
    expect((await findUnitInScope(own.wardActor, own.ward.id, "stats.read")).id).toBe(own.ward.id);
    expect((await findUnitInScope(own.wardActor, undefined, "meeting.read")).id).toBe(own.ward.id);
    expect((await findUnitInScope(own.secretaryActor, undefined, "draft.read")).id).toBe(own.branches[0].id);
  });

  it("a unit outside the subtree (above it, a sibling, another ward's) or no such unit is not found", async () => {
    const own = await createTestWard("Một");
    const other = await createTestWard("Hai");
    for (const id of [own.district.id, other.ward.id, other.branches[0].id, 0, -1, 2_147_483_647, Number.NaN]) {
      await expect(findUnitInScope(own.wardActor, id, "org.read")).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(findUnitInScope(own.secretaryActor, own.branches[1].id, "meeting.read")).rejects.toBeInstanceOf(NotFoundError);
    await expect(findUnitInScope(own.secretaryActor, own.ward.id, "meeting.read")).rejects.toBeInstanceOf(NotFoundError);
    // And the other way round: the other ward's user cannot resolve this ward's units.
    await expect(findUnitInScope(other.wardActor, own.branches[0].id, "meeting.read")).rejects.toBeInstanceOf(NotFoundError);
    await expect(findUnitInScope(other.wardActor, own.ward.id, "stats.read")).rejects.toBeInstanceOf(NotFoundError);
    // The administrator's scope is the whole tree.
    expect((await findUnitInScope(await adminActor(), other.branches[0].id, "org.read")).id).toBe(other.branches[0].id);
  });

  it("without the permission the answer is forbidden, even for the actor's own unit", async () => {
    const own = await createTestWard();
    await expect(findUnitInScope(own.secretaryActor, own.branches[0].id, "stats.read")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(findUnitInScope(own.secretaryActor, undefined, "stats.read")).rejects.toBeInstanceOf(ForbiddenError);
    const leader = await actorOf(await createUser("LEADER", own.ward.id));
    await expect(findUnitInScope(leader, own.branches[0].id, "member.read")).rejects.toBeInstanceOf(ForbiddenError);
    expect((await findUnitInScope(leader, own.branches[0].id, "stats.read")).id).toBe(own.branches[0].id);
  });
});

describe("unitAncestors: the chain every breadcrumb shows", () => {
  it("lists the units above, from the top, marking those outside the actor's scope", async () => {
    const own = await createTestWard();
    const ancestors = await unitAncestors(own.wardActor, own.branches[0].path);
    expect(ancestors.map((a) => a.code)).toEqual(["HN", "LB", own.ward.code]);
    expect(ancestors.map((a) => a.inScope)).toEqual([false, false, true]);
    expect(ancestors[2]).toMatchObject({ id: own.ward.id, name: own.ward.name, level: "WARD", path: own.ward.path });

    const forAdmin = await unitAncestors(await adminActor(), own.branches[0].path);
    expect(forAdmin.map((a) => a.inScope)).toEqual([true, true, true]);
  });

  it("the top of the tree has none, and a ward's chain stops above it", async () => {
    const own = await createTestWard();
    const top = await testDb().orgUnit.findUniqueOrThrow({ where: { code: "HN" } });
    expect(await unitAncestors(own.wardActor, top.path)).toEqual([]);
    expect((await unitAncestors(own.wardActor, own.ward.path)).map((a) => a.code)).toEqual(["HN", "LB"]);
  });
});
