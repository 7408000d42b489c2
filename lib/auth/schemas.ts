// Search params of the sign-in page. Both are only ever shown through a filter:
// safeCallbackUrl (same-origin paths) and signInErrorMessage (our own messages).
import { z } from "zod";
import { textParam } from "@/lib/validation/page-params";

export const LoginPageParams = z.object({ callbackUrl: textParam, error: textParam });
