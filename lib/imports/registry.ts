import "server-only";
import type { AnyImportDefinition } from "./run-import";
import { memberImport } from "@/lib/members/import-members";
import { usageImport } from "@/lib/stats/usage-import";

import { ATTENDANCE_IMPORT } from "@/lib/meetings/attendance-import";
import { FEE_IMPORT } from "@/lib/fees/fee-import";

// Each feature area registers its import here (members, attendance, usage);
// /imports and POST /api/v1/imports/{kind} serve what is registered.
export const IMPORT_DEFINITIONS: AnyImportDefinition[] = [memberImport, ATTENDANCE_IMPORT, FEE_IMPORT, usageImport];

export function findImportDefinition(kind: string): AnyImportDefinition | undefined {
  return IMPORT_DEFINITIONS.find((definition) => definition.kind === kind);
}
