import "server-only";
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { assertCan, type Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { getSessionActor } from "@/lib/auth/session";
import { AppError, isDatabaseUnavailable } from "@/lib/errors";
import { fieldErrorsOf, unstorableTextDetails } from "@/lib/validation/parse";
import { UNSTORABLE_TEXT_MESSAGE } from "@/lib/validation/storable-text";
import { logError } from "@/lib/log";
import { markRecentWrite } from "@/lib/db/read-replicas";
import type { FormState } from "./form-state";

type Options = {
  permission?: Permission;
  revalidate?: string[];
  /** Runs for a user who must still replace a temporary password (the change-password form only). */
  allowPasswordChangePending?: boolean;
};
type Run = (actor: Actor, input: Record<string, string>) => Promise<FormState | void>;

/**
 * Every form's server action goes through here. Server actions are public
 * POST endpoints, so the session and the permission are checked inside, on
 * every call; the lib function then checks the scope and validates with zod.
 */
export function formAction(options: Options, run: Run) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const input: Record<string, string> = {};
    for (const [key, value] of formData.entries()) if (!key.startsWith("$ACTION") && typeof value === "string") input[key] = value;
    const values = Object.fromEntries(Object.entries(input).filter(([key]) => !/password/i.test(key)));
    try {
      // A user with a temporary password is refused here (PasswordChangeRequiredError) unless the action allows it.
      const actor = await getSessionActor({ allowPasswordChangePending: options.allowPasswordChangePending });
      if (!actor) return { status: "error", message: "Phiên đăng nhập đã hết hạn. Đăng nhập lại rồi thử lại.", values };
      if (options.permission) assertCan(actor, options.permission);
      // Text PostgreSQL cannot store (NUL, lone surrogates) never reaches the action.
      const unstorable = unstorableTextDetails(input);
      if (unstorable.length) return { status: "error", message: UNSTORABLE_TEXT_MESSAGE, fieldErrors: fieldErrorsOf(unstorable), values };
      const result = (await run(actor, input)) ?? { status: "success", message: "Đã lưu." };
      for (const path of options.revalidate ?? []) revalidatePath(path);
      // Read-your-own-write: with read replicas, this user's next pages read the primary for a few seconds.
      if (result.status === "success") await markRecentWrite();
      return result;
    } catch (error) {
      // An action that saved and then redirects (redirect() throws): the page it lands on must see the write.
      if (typeof (error as { digest?: unknown })?.digest === "string" && (error as { digest: string }).digest.startsWith("NEXT_REDIRECT")) await markRecentWrite();
      unstable_rethrow(error);
      if (error instanceof AppError) return { status: "error", message: error.message, fieldErrors: fieldErrorsOf(error.details), values };
      if (isDatabaseUnavailable(error)) return { status: "error", message: "Cơ sở dữ liệu tạm thời không truy cập được. Vui lòng thử lại sau ít phút.", values };
      logError("action", error);
      return { status: "error", message: "Lỗi hệ thống, thao tác chưa được lưu. Vui lòng thử lại.", values };
    }
  };
}
