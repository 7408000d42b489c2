// Meetings test data: a fresh ward (tests/support/factories.ts) with its
// members loaded, a board account over the district, and helpers to build
// attendance and to act "on a given day" (lib functions take `now`).
import type { Member } from "@/lib/generated/prisma/client";
import { actorOf, createTestWard, createUser, uniqueSuffix } from "./factories";
import { testDb } from "./db";

/** Noon in Hà Nội on that date, as the `now` of a lib call. */
export function on(date: string): Date {
  return new Date(`${date}T05:00:00Z`);
}

export async function createMeetingWard(label = "Sinh hoạt") {
  const ward = await createTestWard(label);
  const members = await Promise.all(ward.branches.map((branch) => testDb().member.findMany({ where: { branchId: branch.id }, orderBy: { code: "asc" } })));
  const board = await createUser("BOARD_REVIEWER", ward.district.id);
  const leader = await createUser("LEADER", ward.district.id);
  const secondSecretary = await createUser("BRANCH_SECRETARY", ward.branches[1].id);
  return { ...ward, members, board, boardActor: await actorOf(board), leaderActor: await actorOf(leader), secondSecretaryActor: await actorOf(secondSecretary) };
}

/** Everyone expected present, with some members marked otherwise. */
export function attendance(members: Member[], marks: Record<number, { status: "EXCUSED" | "UNEXCUSED" | "PRESENT"; reason?: string }> = {}) {
  return members.filter((member) => member.status === "ACTIVE" && !member.leftBranchOn).map((member) => ({ memberId: member.id, status: marks[member.id]?.status ?? "PRESENT", reason: marks[member.id]?.reason }));
}

export async function addMember(branchId: number, data: { joinedBranchOn: string; leftBranchOn?: string; status?: "ACTIVE" | "EXEMPT" | "TRANSFERRED_OUT" | "DECEASED"; fullName?: string }) {
  const suffix = uniqueSuffix();
  return testDb().member.create({
    data: {
      code: `M-${suffix}`,
      branchId,
      fullName: data.fullName ?? `Đảng viên ${suffix}`,
      status: data.status ?? (data.leftBranchOn ? "TRANSFERRED_OUT" : "ACTIVE"),
      joinedBranchOn: new Date(`${data.joinedBranchOn}T00:00:00Z`),
      leftBranchOn: data.leftBranchOn ? new Date(`${data.leftBranchOn}T00:00:00Z`) : null,
    },
  });
}
