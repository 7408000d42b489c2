// The demo data planned in memory (ids, paths, rows) before it is written with
// COPY in one transaction. Feature steps read the plan to build their history.
import type { OrgLevel, Role } from "../../lib/generated/prisma/enums";
import type { MemberRow } from "./district";
import { UNITS_VALID_FROM } from "./district";

export type PlannedUnit = { id: number; code: string; name: string; level: OrgLevel; parentId: number | null; path: string; depth: number; validFrom: Date };
export type PlannedMember = MemberRow & { id: number };
export type PlannedUser = { id: number; username: string; displayName: string; role: Role; orgUnitId: number };

export class PlanBuilder {
  readonly units: PlannedUnit[] = [];
  readonly members: PlannedMember[] = [];
  readonly users: PlannedUser[] = [];
  private nextUnitId: number;
  private nextMemberId: number;
  private nextUserId: number;

  constructor(firstIds: { unit: number; member: number; user: number } = { unit: 1, member: 1, user: 1 }) {
    this.nextUnitId = firstIds.unit;
    this.nextMemberId = firstIds.member;
    this.nextUserId = firstIds.user;
  }

  addUnit(unit: { code: string; name: string; level: OrgLevel }, parent: PlannedUnit | null): PlannedUnit {
    const id = this.nextUnitId++;
    const planned: PlannedUnit = {
      ...unit,
      id,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? "/"}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
      validFrom: UNITS_VALID_FROM,
    };
    this.units.push(planned);
    return planned;
  }

  addMembers(rows: MemberRow[]): PlannedMember[] {
    const planned = rows.map((row) => ({ ...row, id: this.nextMemberId++ }));
    this.members.push(...planned);
    return planned;
  }

  addUser(user: Omit<PlannedUser, "id" | "orgUnitId">, unit: PlannedUnit): PlannedUser {
    const planned = { ...user, id: this.nextUserId++, orgUnitId: unit.id };
    this.users.push(planned);
    return planned;
  }

  branches(): PlannedUnit[] {
    return this.units.filter((unit) => unit.level === "BRANCH");
  }
}

/** Members who belong to their branch now (not transferred out or deceased). */
export function isCurrentMember(member: Pick<MemberRow, "status">): boolean {
  return member.status === "ACTIVE" || member.status === "EXEMPT";
}
