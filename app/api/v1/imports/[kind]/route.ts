import { apiRoute, readQuery, readText } from "@/lib/api/handler";
import { findImportDefinition } from "@/lib/imports/registry";
import { runImport } from "@/lib/imports/run-import";
import { ImportQuerySchema } from "@/lib/imports/schemas";
import { NotFoundError, PayloadTooLargeError } from "@/lib/errors";

const MAX_CSV_BYTES = 64 * 1024 * 1024;

export const POST = apiRoute<{ kind: string }>({}, async ({ request, actor, params }) => {
  const definition = findImportDefinition(params.kind);
  if (!definition) throw new NotFoundError("Không có loại nhập dữ liệu này.");
  const query = readQuery(request, ImportQuerySchema);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_CSV_BYTES) throw new PayloadTooLargeError(MAX_CSV_BYTES);
  const text = await readText(request, MAX_CSV_BYTES);
  return runImport(actor, definition, { text, dryRun: query.dryRun === "1" || query.dryRun === "true", jobId: query.jobId, fileName: query.fileName });
});
