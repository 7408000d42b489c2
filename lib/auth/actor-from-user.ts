import type { OrgUnit, User } from "@/lib/generated/prisma/client";
import type { Actor } from "./actor";

export function actorFromUser(user: Pick<User, "id" | "username" | "displayName" | "role" | "orgUnitId"> & { orgUnit: Pick<OrgUnit, "path" | "level"> }, meta: { ip?: string; userAgent?: string } = {}): Actor {
  return {
    kind: "user",
    id: user.id,
    label: user.username,
    displayName: user.displayName,
    role: user.role,
    orgUnitId: user.orgUnitId,
    scopePath: user.role === "ADMIN" ? "/" : user.orgUnit.path,
    scopeLevel: user.orgUnit.level,
    ...meta,
  };
}
