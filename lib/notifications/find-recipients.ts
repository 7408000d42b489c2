import "server-only";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db/client";

/** Active users of the given roles whose scope contains the unit at `unitPath` (its own unit or an ancestor). */
export async function findUsersCovering(tx: Tx, unitPath: string, roles: Role[]): Promise<number[]> {
  if (!roles.length) return [];
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT u.id FROM "User" u JOIN "OrgUnit" o ON o.id = u."orgUnitId"
    WHERE u.active AND u.role::text = ANY(${roles}::text[]) AND ${unitPath} LIKE o.path || '%'`;
  return rows.map((row) => row.id);
}
