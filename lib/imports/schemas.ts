// Query string of a CSV import over the API (app/api/v1/imports/[kind]); the file is the body.
import { z } from "zod";

export const ImportQuerySchema = z.object({
  dryRun: z.enum(["0", "1", "true", "false"], { message: "dryRun phải là 0 hoặc 1." }).optional(),
  jobId: z.uuid("jobId phải là UUID.").optional(),
  fileName: z.string().max(200).optional(),
});
