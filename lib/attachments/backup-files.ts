// The local attachment folder beside a database backup: db:backup packs it
// into "<backup>.attachments.tar.gz", db:restore puts it back. An S3-compatible
// store is not copied (it has its own versioning and replication).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { localAttachmentsDir } from "./store-location";
import { attachmentsEnv } from "@/lib/env";

function attachmentsArchiveOf(backupFile: string): string {
  return `${backupFile}.attachments.tar.gz`;
}

/** Packs the local attachment folder; returns the archive and how many files, or null when files live in S3. */
export function backupAttachments(backupFile: string): { archive: string; files: number } | null {
  if (attachmentsEnv().s3Bucket) return null;
  const dir = localAttachmentsDir();
  fs.mkdirSync(dir, { recursive: true });
  const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && !entry.name.endsWith(".part")).length;
  const archive = attachmentsArchiveOf(backupFile);
  execFileSync("tar", ["--create", "--gzip", `--file=${archive}`, "--exclude=*.part", `--directory=${dir}`, "."], { stdio: "inherit" });
  return { archive, files };
}

/**
 * Replaces the local attachment folder with the backup's: unpacked beside it
 * first, then swapped in, so a damaged archive leaves the folder as it was.
 */
export function restoreAttachments(backupFile: string): { files: number } | null {
  const archive = attachmentsArchiveOf(backupFile);
  if (attachmentsEnv().s3Bucket || !fs.existsSync(archive)) return null;
  const dir = localAttachmentsDir();
  const incoming = `${dir}.restoring`;
  const previous = `${dir}.previous`;
  fs.rmSync(incoming, { recursive: true, force: true });
  fs.mkdirSync(incoming, { recursive: true });
  // --no-same-owner, and GNU tar refuses members that climb out of the folder ("../").
  execFileSync("tar", ["--extract", "--gzip", `--file=${archive}`, `--directory=${incoming}`, "--no-same-owner"], { stdio: "inherit" });
  fs.rmSync(previous, { recursive: true, force: true });
  if (fs.existsSync(dir)) fs.renameSync(dir, previous);
  fs.renameSync(incoming, dir);
  fs.rmSync(previous, { recursive: true, force: true });
  return { files: fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length };
}
