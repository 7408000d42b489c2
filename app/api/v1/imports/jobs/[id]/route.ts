import { apiRoute } from "@/lib/api/handler";
import { getImportJob } from "@/lib/imports/run-import";

export const GET = apiRoute<{ id: string }>({}, async ({ actor, params }) => getImportJob(actor, params.id));
