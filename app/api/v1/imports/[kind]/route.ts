import { z } from "zod";
import { apiRoute, readQuery, readText } from "@/lib/api/handler";
import { findImportDefinition } from "@/lib/imports/registry";
import { runImport } from "@/lib/imports/run-import";
import { NotFoundError, PayloadTooLargeError } from "@/lib/errors";

const MAX_CSV_BYTES = 64 * 1024 * 1024;
const Query = z.object({
  dryRun: z.enum(["0", "1", "true", "false"], { message: "dryRun phải là 0 hoặc 1." }).optional(),
  jobId: z.uuid("jobId phải là UUID.").optional(),
  fileName: z.string().max(200).optional(),
});

export const POST = apiRoute<{ kind: string }>({}, async ({ request, actor, params }) => {
  const definition = findImportDefinition(params.kind);
  if (!definition) throw new NotFoundError("Không có loại nhập dữ liệu này.");
  const query = readQuery(request, Query);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_CSV_BYTES) throw new PayloadTooLargeError(MAX_CSV_BYTES);
  const text = await readText(request, MAX_CSV_BYTES);
  return runImport(actor, definition, { text, dryRun: query.dryRun === "1" || query.dryRun === "true", jobId: query.jobId, fileName: query.fileName });
});
