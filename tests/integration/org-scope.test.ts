import { createTestWard, createUser, actorOf, demoDistrict } from "../support/factories";
import { closeTestDb, testDb } from "../support/db";
import { getOrgUnitDetail, listChildUnits, searchOrgUnits, findUnitInScope } from "@/lib/org/org-units";
import { listBranchMembers } from "@/lib/members/list-branch-members";
import { getScopeSummary } from "@/lib/org/scope-summary";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

afterAll(closeTestDb);

describe("org units are read within the actor's scope", () => {
  it("a ward user sees its own ward and branches with counts", async () => {
    const own = await createTestWard();
    const detail = await getOrgUnitDetail(own.wardActor, own.ward.id);
    expect(detail.counts).toMatchObject({ branches: 2, members: 10, membersExpected: 8 });
    expect(detail.ancestors.map((a) => a.code)).toEqual(["HN", "LB"]);
    expect(detail.ancestors.every((a) => !a.inScope)).toBe(true);
    const children = await listChildUnits(own.wardActor, own.ward.id);
    expect(children.map((c) => c.code)).toEqual([`${own.ward.code}-01`, `${own.ward.code}-02`]);
  });

  it("another ward's units and members are not found, by id, by listing or by search", async () => {
    const own = await createTestWard("Một");
    const other = await createTestWard("Hai");
    await expect(getOrgUnitDetail(own.wardActor, other.ward.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getOrgUnitDetail(own.wardActor, other.branches[0].id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listChildUnits(own.wardActor, other.ward.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listBranchMembers(own.wardActor, other.branches[0].id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getOrgUnitDetail(own.wardActor, own.district.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await searchOrgUnits(own.wardActor, other.ward.name)).toEqual([]);
    expect((await searchOrgUnits(own.wardActor, own.ward.name)).map((u) => u.id)).toEqual([own.ward.id]);
  });

  it("a branch secretary sees only their branch, not the sibling branch", async () => {
    const own = await createTestWard();
    const mine = await listBranchMembers(own.secretaryActor, own.branches[0].id);
    expect(mine.members).toHaveLength(5);
    await expect(findUnitInScope(own.secretaryActor, own.branches[1].id, "org.read")).rejects.toBeInstanceOf(NotFoundError);
    await expect(findUnitInScope(own.secretaryActor, own.ward.id, "org.read")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("search matches with or without Vietnamese diacritics", async () => {
    const district = await demoDistrict();
    const board = await actorOf(await createUser("BOARD_REVIEWER", district.id));
    for (const query of ["Thượng Thanh", "thuong thanh", "THUONG THANH", "thượng"]) {
      const names = (await searchOrgUnits(board, query)).map((u) => u.name);
      expect(names).toContain("Phường Thượng Thanh");
    }
    expect(await searchOrgUnits(board, "%")).toEqual([]);
  });

  it("leaders get counts but not member names", async () => {
    const own = await createTestWard();
    const leader = await actorOf(await createUser("LEADER", own.ward.id));
    expect((await getOrgUnitDetail(leader, own.branches[0].id)).counts.members).toBe(5);
    await expect(listBranchMembers(leader, own.branches[0].id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("the home summary counts handbook installs within scope", async () => {
    const own = await createTestWard();
    const summary = await getScopeSummary(own.wardActor);
    expect(summary).toMatchObject({ branches: 2, members: 10, installed: 6, eligible: 10 });
    const admin = await actorOf(await testDb().user.findUniqueOrThrow({ where: { username: "admin" }, include: { orgUnit: true } }));
    expect((await getScopeSummary(admin)).members).toBeGreaterThan(summary.members);
  });
});
