import path from "node:path";

/** The local folder: ATTACHMENTS_DIR, or .data/attachments beside the embedded database. Shared with the backup scripts. */
export function localAttachmentsDir(): string {
  return path.resolve(process.env.ATTACHMENTS_DIR || path.join(process.cwd(), ".data", "attachments"));
}
