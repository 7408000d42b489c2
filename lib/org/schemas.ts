// Query strings of the org-unit API (app/api/v1/org-units) and of the org pages.
import { z } from "zod";
import { recordIdParam, textParam } from "@/lib/validation/page-params";

export const ChildUnitsQuerySchema = z.object({ parentId: z.coerce.number({ message: "parentId phải là số." }).int().positive("parentId phải là số dương.").optional() });

/** /org: a search for units by name or code (none: the reader's scope root). */
export const OrgSearchPageParams = z.object({ q: textParam });

/** /org/[id]/history: ?su-kien=<event id> after a restructuring was applied. */
export const UnitHistoryPageParams = z.object({ "su-kien": recordIdParam.optional() });
