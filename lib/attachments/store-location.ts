import path from "node:path";
import { attachmentsEnv } from "@/lib/env";

/** The local folder: ATTACHMENTS_DIR, or .data/attachments beside the embedded database. Shared with the backup scripts. */
export function localAttachmentsDir(): string {
  return path.resolve(attachmentsEnv().dir || path.join(process.cwd(), ".data", "attachments"));
}
