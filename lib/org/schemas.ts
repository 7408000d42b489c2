// Query strings of the org-unit API (app/api/v1/org-units).
import { z } from "zod";

export const ChildUnitsQuerySchema = z.object({ parentId: z.coerce.number({ message: "parentId phải là số." }).int().positive("parentId phải là số dương.").optional() });
