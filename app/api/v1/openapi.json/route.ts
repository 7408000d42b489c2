import { publicRoute } from "@/lib/api/handler";
import { openApiDocument } from "@/lib/api/openapi/document";

export const GET = publicRoute(async () => openApiDocument());
