import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import type { MeetingKind } from "@/lib/generated/prisma/enums";
import type { Period } from "@/lib/periods/period";
import { findBranchInScope } from "./find-branch";
import { unitAncestors } from "@/lib/org/org-units";
import { belongedOn, expectedOn, periodEnd } from "./rules";
import { givenNameKey } from "./meeting-period";
import { draftsLink } from "./meeting-sheet-link";
import { todayIso, isoDate } from "@/lib/format/date";

/**
 * The printable sheet of a branch's meeting: the members expected (with their
 * attendance once recorded, blank lines to sign before), the documents, and
 * the link its QR code opens (the period's draft resolution and documents, at the public address).
 */
export async function getPrintableSheet(actor: Actor, branchId: number, period: Period, kind: MeetingKind, options: { now?: Date } = {}) {
  assertCan(actor, "meeting.read");
  assertCan(actor, "member.read");
  const branch = await findBranchInScope(actor, branchId);
  const meeting = await db().meeting.findUnique({
    where: { branchId_period_kind: { branchId: branch.id, period, kind } },
    include: { documents: { orderBy: { sentOn: "asc" } }, attendance: { select: { memberId: true, status: true, reason: true } } },
  });
  const today = todayIso(options.now);
  const day = meeting ? isoDate(meeting.heldOn) : periodEnd(period) < today ? periodEnd(period) : today;
  const members = await db().member.findMany({
    where: { branchId: branch.id },
    select: { id: true, code: true, fullName: true, status: true, joinedBranchOn: true, leftBranchOn: true },
  });
  members.sort((a, b) => givenNameKey(a.fullName).localeCompare(givenNameKey(b.fullName), "vi"));
  const attendance = new Map(meeting?.attendance.map((row) => [row.memberId, row]) ?? []);
  const ancestors = await unitAncestors(actor, branch.path);
  return {
    branch,
    parentName: ancestors[ancestors.length - 1]?.name ?? null,
    period,
    kind,
    day,
    meeting: meeting
      ? { id: meeting.id, heldOn: isoDate(meeting.heldOn), usedHandbook: meeting.usedHandbook, present: meeting.presentCount, expected: meeting.expectedCount, documents: meeting.documents.map((doc) => ({ title: doc.title, sentOn: isoDate(doc.sentOn) })) }
      : null,
    rows: members
      .filter((member) => (meeting ? attendance.has(member.id) : expectedOn(member, day)))
      .map((member) => ({ id: member.id, code: member.code, fullName: member.fullName, status: attendance.get(member.id)?.status ?? null, reason: attendance.get(member.id)?.reason ?? null })),
    exempt: members.filter((member) => member.status === "EXEMPT" && belongedOn(member, day)).map((member) => member.fullName),
    draftsLink: draftsLink(branch.id, period),
  };
}
