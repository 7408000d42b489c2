import { closeTestDb, testDb } from "../support/db";
import { actorOf, createTestWard, createUser } from "../support/factories";
import { createAdminActor, createReformWard, newCode, openFeedbackOn, PAST } from "../support/reform-factories";
import { refreshStatsFor } from "../support/stats-factories";
import { applyRestructuring, previewRestructuring } from "@/lib/org/restructure/restructure-org-units";
import { getUnitHistory } from "@/lib/org/restructure/get-unit-history";
import { getComplianceByChild } from "@/lib/meetings/compliance";
import { getDraftReviewSummary } from "@/lib/drafts/get-draft-review-summary";
import { getHandbookOverview } from "@/lib/stats/get-handbook-overview";
import { listFeedback } from "@/lib/drafts/list-feedback";
import { findUnitInScope, listChildUnits } from "@/lib/org/org-units";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";

afterAll(closeTestDb);

async function freshActor(userId: number): Promise<Actor | null> {
  const user = await testDb().user.findUniqueOrThrow({ where: { id: userId }, include: { orgUnit: true } });
  return user.active ? actorOf(user) : null;
}

/** The figures of the given units in the district's reports of a period: meetings, drafts, handbook. */
async function figures(actor: Actor, unitIds: number[], period: string, tree?: "current") {
  const district = (await testDb().orgUnit.findUniqueOrThrow({ where: { code: "LB" } })).id;
  const mode = tree === "current" ? ("current" as const) : ("as-of-period" as const);
  const meetings = await getComplianceByChild(actor, { orgUnitId: district, period, tree: mode, now: new Date("2026-11-26T05:00:00Z") });
  const drafts = await getDraftReviewSummary(actor, { orgUnitId: district, period, tree: mode });
  // Months without handbook roll-ups yet (after the demo's last one) have no stats rows.
  const stats = await getHandbookOverview(actor, { orgUnitId: String(district), period, ...(tree ? { tree } : {}) }).catch(() => ({ children: [] }));
  const pick = <T extends { orgUnit: { id: number } }>(rows: T[]) => Object.fromEntries(rows.filter((row) => unitIds.includes(row.orgUnit.id)).map((row) => [row.orgUnit.id, row]));
  const strip = (row: { orgUnit: unknown; period?: unknown } | undefined) => {
    if (!row) return row;
    const rest: Record<string, unknown> = { ...row };
    delete rest.orgUnit;
    delete rest.period;
    return rest;
  };
  const m = pick(meetings.items);
  const d = pick(drafts.children);
  const s = pick(stats.children);
  return Object.fromEntries(unitIds.map((id) => [id, { meetings: strip(m[id]), drafts: strip(d[id]), stats: strip(s[id]) }]));
}

function sumOf(rows: Record<string, number>[], keys: string[]) {
  return Object.fromEntries(keys.map((key) => [key, rows.reduce((total, row) => total + row[key], 0)]));
}

const MEETING_KEYS = ["branches", "held", "present", "expected", "usedHandbook"];
const STAT_KEYS = ["membersTotal", "membersEligible", "membersInstalled", "branchesTotal", "branchesUsingInMeetings"];

describe("merge and split keep every past figure", () => {
  it("shows a past month under the tree as it was, rolls it up under today's tree to the same totals, and moves access with the change", async () => {
    const admin = await createAdminActor();
    const a = await createReformWard("Hợp nhất A");
    const b = await createReformWard("Hợp nhất B");
    const other = await createTestWard("Bên cạnh");
    const feedback = await openFeedbackOn(b);
    const board = await actorOf(await createUser("BOARD_REVIEWER", a.district.id));
    const before = await figures(board, [a.ward.id, b.ward.id], PAST);
    expect(before[a.ward.id].meetings).toMatchObject({ branches: 2, held: 2 });
    expect(before[b.ward.id].stats).toMatchObject({ membersTotal: 10, branchesTotal: 2 });

    const code = newCode("PM");
    const request = { type: "MERGE", effectiveDate: "2026-12-01", sourceIds: [a.ward.id, b.ward.id], target: { name: `Phường Mới ${code}`, code }, users: "MOVE" };
    const preview = await previewRestructuring(admin, request);
    expect(preview.moves).toMatchObject({ branches: 4, members: 20, users: 2, openFeedback: 1 });
    expect(preview.event.id).toBeNull();
    expect(await testDb().orgUnit.findUnique({ where: { code } })).toBeNull();

    const merged = await applyRestructuring(admin, request);
    expect(merged.moves).toEqual(preview.moves);
    const target = await testDb().orgUnit.findUniqueOrThrow({ where: { code } });
    expect(target.parentId).toBe(a.district.id);
    expect(await testDb().orgUnit.count({ where: { parentId: target.id, validTo: null } })).toBe(4);
    expect((await testDb().orgUnit.findUniqueOrThrow({ where: { id: a.ward.id } })).validTo?.toISOString().slice(0, 10)).toBe("2026-12-01");

    // As it was: the same rows, the same numbers; the new ward did not exist in October.
    const asWas = await figures(board, [a.ward.id, b.ward.id, target.id], PAST);
    expect(asWas[a.ward.id]).toEqual(before[a.ward.id]);
    expect(asWas[b.ward.id]).toEqual(before[b.ward.id]);
    expect(asWas[target.id].meetings).toBeUndefined();
    // A later rebuild of October's roll-ups (an import, say) groups under October's tree again.
    await refreshStatsFor([...a.branches, ...b.branches].map((branch) => branch.id));
    expect(await figures(board, [a.ward.id, b.ward.id], PAST)).toEqual(before);

    // Under today's tree the same month adds up to the same totals.
    const now = await figures(board, [a.ward.id, b.ward.id, target.id], PAST, "current");
    expect(now[a.ward.id].meetings).toBeUndefined();
    const m = now[target.id].meetings as Record<string, number>;
    expect(sumOf([m], MEETING_KEYS)).toEqual(sumOf([before[a.ward.id].meetings, before[b.ward.id].meetings] as Record<string, number>[], MEETING_KEYS));
    expect(sumOf([now[target.id].stats as Record<string, number>], STAT_KEYS)).toEqual(sumOf([before[a.ward.id].stats, before[b.ward.id].stats] as Record<string, number>[], STAT_KEYS));
    expect((now[target.id].drafts as Record<string, number>).branches).toBe(4);

    // Access follows: A's ward account now scopes the merged ward, B's branches included, nothing else.
    const movedWardUser = (await freshActor(a.wardUser.id))!;
    expect(movedWardUser.orgUnitId).toBe(target.id);
    await expect(findUnitInScope(movedWardUser, b.branches[1].id, "org.read")).resolves.toMatchObject({ id: b.branches[1].id });
    await expect(findUnitInScope(movedWardUser, other.branches[0].id, "org.read")).rejects.toBeInstanceOf(NotFoundError);
    await expect(findUnitInScope(movedWardUser, a.ward.id, "org.read")).rejects.toBeInstanceOf(NotFoundError);
    // The open feedback moved with its branch to the successor's inbox.
    const inbox = await listFeedback(movedWardUser, { status: "open" });
    expect(inbox.items.map((item) => item.id)).toContain(feedback.feedbackId);
    expect((await listFeedback((await freshActor(other.wardUser.id))!, { status: "all" })).items.map((item) => item.id)).not.toContain(feedback.feedbackId);
    // A branch secretary keeps exactly their branch, wherever it now hangs.
    const secretary = (await freshActor(a.secretary.id))!;
    expect(secretary.scopePath).toBe(`${target.path}${a.branches[0].id}/`);
    expect((await listChildUnits(movedWardUser, target.id)).map((unit) => unit.id).sort()).toEqual([...a.branches, ...b.branches].map((unit) => unit.id).sort());

    // History and lineage.
    const history = await getUnitHistory(admin, a.ward.id);
    expect(history.successors.map((unit) => unit.id)).toEqual([target.id]);
    const branchHistory = await getUnitHistory(admin, a.branches[0].id);
    expect(branchHistory.placements.map((p) => [p.parent?.id, p.validTo?.toISOString().slice(0, 10) ?? null])).toEqual([[a.ward.id, "2026-12-01"], [target.id, null]]);
    expect((await getUnitHistory(admin, target.id)).predecessors.map((unit) => unit.id).sort()).toEqual([a.ward.id, b.ward.id].sort());

    // Split the merged ward again a month later; the accounts of the split ward are disabled.
    const [codeY, codeZ] = [newCode("PY"), newCode("PZ")];
    const split = await applyRestructuring(admin, {
      type: "SPLIT",
      effectiveDate: "2027-01-01",
      sourceId: target.id,
      targets: [
        { name: `Phường Y ${codeY}`, code: codeY, childIds: a.branches.map((branch) => branch.id) },
        { name: `Phường Z ${codeZ}`, code: codeZ, childIds: b.branches.map((branch) => branch.id) },
      ],
      users: "DISABLE",
    });
    expect(split.moves).toMatchObject({ branches: 4, members: 20, users: 2 });
    const [y, z] = await Promise.all([codeY, codeZ].map((c) => testDb().orgUnit.findUniqueOrThrow({ where: { code: c } })));
    expect(await figures(board, [a.ward.id, b.ward.id], PAST)).toEqual(before);
    const december = await figures(board, [target.id, y.id, z.id], "2026-12");
    expect((december[target.id].meetings as Record<string, number>).branches).toBe(4);
    expect(december[y.id].meetings).toBeUndefined();
    const afterSplit = await figures(board, [y.id, z.id, target.id], PAST, "current");
    expect(afterSplit[target.id].meetings).toBeUndefined();
    expect(sumOf([afterSplit[y.id].meetings, afterSplit[z.id].meetings] as Record<string, number>[], MEETING_KEYS)).toEqual(
      sumOf([before[a.ward.id].meetings, before[b.ward.id].meetings] as Record<string, number>[], MEETING_KEYS),
    );
    expect(afterSplit[y.id].stats).toEqual(before[a.ward.id].stats);
    expect(afterSplit[z.id].stats).toEqual(before[b.ward.id].stats);
    // Disabled accounts have no session left and no scope.
    expect(await freshActor(a.wardUser.id)).toBeNull();
    expect(await testDb().authSession.count({ where: { userId: a.wardUser.id, revokedAt: null } })).toBe(0);
  });
});

describe("atomic and guarded", () => {
  it("leaves the tree, accounts and history as they were when a step fails in the middle", async () => {
    const admin = await createAdminActor();
    const a = await createTestWard("Nguyên tử A");
    const b = await createTestWard("Nguyên tử B");
    const snapshot = async () => ({
      units: await testDb().orgUnit.findMany({ where: { OR: [{ path: { startsWith: a.ward.path } }, { path: { startsWith: b.ward.path } }] }, orderBy: { id: "asc" } }),
      placements: await testDb().orgUnitPlacement.findMany({ where: { unitId: { in: [a.ward.id, b.ward.id, ...a.branches.map((x) => x.id), ...b.branches.map((x) => x.id)] } }, orderBy: { id: "asc" } }),
      users: await testDb().user.findMany({ where: { id: { in: [a.wardUser.id, b.wardUser.id] } }, select: { orgUnitId: true, active: true } }),
    });
    const before = await snapshot();
    const events = await testDb().orgRestructuring.count({ where: { actorUserId: admin.id } });
    const code = newCode("AT");
    const steps: string[] = [];
    await expect(
      applyRestructuring(admin, { type: "MERGE", effectiveDate: "2026-12-01", sourceIds: [a.ward.id, b.ward.id], target: { name: `Phường ${code}`, code } }, {
        afterStep: (step) => {
          steps.push(step);
          // The first ward is already moved and closed when the second fails.
          if (step === `closed:${a.ward.id}`) throw new Error("Sự cố giả lập giữa chừng");
        },
      }),
    ).rejects.toThrow("Sự cố giả lập giữa chừng");
    expect(steps).toEqual(["target", `moved:${a.ward.id}`, `closed:${a.ward.id}`]);
    expect(await snapshot()).toEqual(before);
    expect(await testDb().orgUnit.findUnique({ where: { code } })).toBeNull();
    expect(await testDb().orgRestructuring.count({ where: { actorUserId: admin.id } })).toBe(events);
  });

  it("refuses bad input with a Vietnamese message and writes nothing", async () => {
    const admin = await createAdminActor();
    const a = await createTestWard("Sai A");
    const events = await testDb().orgRestructuring.count({ where: { actorUserId: admin.id } });
    const attempts: unknown[] = [
      { type: "MERGE", effectiveDate: "2026-12-15", sourceIds: [a.ward.id], target: { id: a.district.id } },
      { type: "MERGE", effectiveDate: "2026-12-01", sourceIds: [a.ward.id, a.branches[0].id], target: { name: "Phường X", code: newCode() } },
      { type: "MERGE", effectiveDate: "2026-12-01", sourceIds: [a.ward.id], target: { name: "Phường X", code: a.branches[0].code } },
      { type: "SPLIT", effectiveDate: "2026-12-01", sourceId: a.ward.id, targets: [{ name: "Phường X1", code: newCode(), childIds: [a.branches[0].id] }, { name: "Phường X2", code: newCode(), childIds: [] }] },
      { type: "MOVE", effectiveDate: "2026-12-01", unitId: a.ward.id, newParentId: a.branches[0].id },
      { type: "CLOSE", effectiveDate: "2026-12-01", unitId: a.branches[0].id },
      { type: "MERGE", effectiveDate: "2019-01-01", sourceIds: [a.ward.id], target: { name: "Phường X", code: newCode() } },
      { type: "SWAP" },
      "không phải đối tượng",
    ];
    for (const attempt of attempts) {
      const error = await applyRestructuring(admin, attempt).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toMatch(/[àáảãạăâđêôơưếềệốồộớờợứừựíìịúùụ]/i);
    }
    expect(await testDb().orgRestructuring.count({ where: { actorUserId: admin.id } })).toBe(events);
    expect((await testDb().orgUnit.findUniqueOrThrow({ where: { id: a.ward.id } })).validTo).toBeNull();
  });

  it("is for administrators only", async () => {
    const a = await createTestWard("Quyền A");
    const board = await actorOf(await createUser("BOARD_REVIEWER", a.district.id));
    const request = { type: "RENAME", effectiveDate: "2026-12-01", unitId: a.branches[0].id, name: "Chi bộ đổi tên" };
    for (const actor of [board, a.wardActor, a.secretaryActor]) {
      await expect(previewRestructuring(actor, request)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(applyRestructuring(actor, request)).rejects.toBeInstanceOf(ForbiddenError);
    }
    // History is readable in scope only.
    const other = await createTestWard("Quyền B");
    await expect(getUnitHistory(other.wardActor, a.ward.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getUnitHistory(a.wardActor, a.ward.id)).resolves.toMatchObject({ unit: { id: a.ward.id } });
  });
});

describe("move, rename and close", () => {
  it("moves a branch between wards from a date, renames with the old name kept, closes an empty unit", async () => {
    const admin = await createAdminActor();
    const a = await createReformWard("Chuyển A");
    const b = await createTestWard("Chuyển B");
    const board = await actorOf(await createUser("BOARD_REVIEWER", a.district.id));
    const before = await figures(board, [a.ward.id, b.ward.id], PAST);
    const moved = await applyRestructuring(admin, { type: "MOVE", effectiveDate: "2026-12-01", unitId: a.branches[1].id, newParentId: b.ward.id });
    expect(moved.moves).toMatchObject({ branches: 1, members: 5 });
    expect(await figures(board, [a.ward.id, b.ward.id], PAST)).toEqual(before);
    expect((await findUnitInScope(b.wardActor, a.branches[1].id, "org.read")).parentId).toBe(b.ward.id);
    await expect(findUnitInScope((await freshActor(a.wardUser.id))!, a.branches[1].id, "org.read")).rejects.toBeInstanceOf(NotFoundError);

    await applyRestructuring(admin, { type: "RENAME", effectiveDate: "2027-01-01", unitId: b.ward.id, name: "Phường đổi tên mới" });
    const history = await getUnitHistory(admin, b.ward.id);
    expect(history.placements.map((p) => p.name)).toEqual([b.ward.name, "Phường đổi tên mới"]);

    // A branch with members cannot close; emptied, it can.
    await expect(applyRestructuring(admin, { type: "CLOSE", effectiveDate: "2027-01-01", unitId: b.branches[0].id })).rejects.toBeInstanceOf(ValidationError);
    await testDb().member.updateMany({ where: { branchId: b.branches[0].id }, data: { status: "TRANSFERRED_OUT", leftBranchOn: new Date("2026-12-31") } });
    const closed = await applyRestructuring(admin, { type: "CLOSE", effectiveDate: "2027-01-01", unitId: b.branches[0].id });
    expect(closed.accounts.map((account) => [account.id, account.action])).toEqual([[b.secretary.id, "DISABLE"]]);
    expect(await freshActor(b.secretary.id)).toBeNull();
    expect((await testDb().orgUnit.findUniqueOrThrow({ where: { id: b.branches[0].id } })).validTo?.toISOString().slice(0, 10)).toBe("2027-01-01");
  });
});
