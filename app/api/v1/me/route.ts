import { apiRoute } from "@/lib/api/handler";
import { describeActor } from "@/lib/org/describe-actor";

export const GET = apiRoute({}, async ({ actor }) => describeActor(actor));
