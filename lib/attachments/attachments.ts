import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ConflictError, NotFoundError, PayloadTooLargeError, ValidationError } from "@/lib/errors";
import { now } from "@/lib/clock";
import { parseInput } from "@/lib/validation/parse";
import { getSetting } from "@/lib/settings/app-settings";
import { findDraftInScope } from "@/lib/drafts/find-draft-in-scope";
import { findMeetingInScope } from "@/lib/meetings/find-meeting";
import { logError } from "@/lib/log";
import { ATTACHMENT_MAX_MB } from "./settings";
import { ALLOWED_TYPES, sniffAllowedType } from "./sniff-type";
import { attachmentStore, newStorageKey } from "./store";
import { AttachmentListQuerySchema, AttachmentTargetSchema } from "./schemas";

export async function maxAttachmentBytes(): Promise<number> {
  return (await getSetting(ATTACHMENT_MAX_MB)) * 1024 * 1024;
}

/** The uploader's name without folders or control characters, with the extension of the sniffed type. */
export function cleanFileName(raw: string, ext: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const stem = base
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "")
    .replace(/\.[^.]*$/, "")
    .replace(/^\.+/, "")
    .trim()
    .slice(0, 120);
  return `${stem || "tep-dinh-kem"}.${ext}`;
}

/** The record an attachment belongs to, loaded through the actor's scope (404 outside it). */
async function findTarget(actor: Actor, target: { kind: string; draftId?: number; meetingId?: number }, forWriting: boolean) {
  if (target.draftId) {
    const draft = await findDraftInScope(actor, target.draftId, forWriting ? "draft.submit" : "draft.read");
    return { branchId: draft.branchId, draftId: draft.id, meetingId: null, draft };
  }
  const meeting = await findMeetingInScope(actor, target.meetingId!);
  if (forWriting) assertCan(actor, "meeting.record");
  return { branchId: meeting.branchId, draftId: null, meetingId: meeting.id, draft: null };
}

/**
 * Attaches a file: the branch's signed resolution to its approved draft, or
 * minutes and documents to its meeting. The type is read from the content;
 * the bytes go to the attachment store, the record and its audit event to the database.
 */
export async function addAttachment(actor: Actor, rawTarget: unknown, file: { name: string; bytes: Uint8Array }) {
  const target = parseInput(AttachmentTargetSchema, rawTarget, "Tệp đính kèm chưa hợp lệ.");
  const parent = await findTarget(actor, target, true);
  if (parent.draft && parent.draft.status !== "APPROVED") throw new ConflictError("Chỉ đính kèm nghị quyết đã ký khi dự thảo đã được duyệt.");
  const max = await maxAttachmentBytes();
  if (file.bytes.byteLength > max) throw new PayloadTooLargeError(max);
  if (file.bytes.byteLength === 0) throw new ValidationError("Tệp rỗng.", [{ field: "file", message: "Tệp rỗng." }]);
  const contentType = await sniffAllowedType(file.bytes);
  if (!contentType) {
    const message = "Chỉ nhận tệp PDF, JPEG, PNG hoặc DOCX (kiểm tra theo nội dung tệp, không theo tên).";
    throw new ValidationError(message, [{ field: "file", message }]);
  }
  const store = attachmentStore();
  const storageKey = newStorageKey(now());
  await store.put(storageKey, file.bytes, contentType);
  try {
    return await db().$transaction(async (tx) => {
      const attachment = await tx.attachment.create({
        data: {
          kind: target.kind,
          branchId: parent.branchId,
          draftId: parent.draftId,
          meetingId: parent.meetingId,
          fileName: cleanFileName(file.name, ALLOWED_TYPES[contentType]),
          contentType,
          size: file.bytes.byteLength,
          sha256: createHash("sha256").update(file.bytes).digest("hex"),
          storageKey,
          uploadedByUserId: actor.kind === "user" ? actor.id : null,
          uploadedByName: actor.displayName,
        },
        select: { id: true, kind: true, fileName: true, contentType: true, size: true, sha256: true, createdAt: true },
      });
      await recordAuditEvent(tx, actor, { action: "attachment.added", entityType: "Attachment", entityId: attachment.id, orgUnitId: parent.branchId, details: { kind: target.kind, size: attachment.size, sha256: attachment.sha256, contentType } });
      return attachment;
    });
  } catch (error) {
    // The record was not written: do not leave its bytes behind.
    await store.remove(storageKey).catch((cleanup) => logError("attachments", cleanup, { storageKey }));
    throw error;
  }
}

/** Attachments of a draft or a meeting in the reader's scope. */
export async function listAttachments(actor: Actor, rawQuery: unknown) {
  const query = parseInput(AttachmentListQuerySchema, rawQuery, "Tham số không hợp lệ.");
  const parent = await findTarget(actor, { kind: "", ...query }, false);
  return db().attachment.findMany({
    where: parent.draftId ? { draftId: parent.draftId } : { meetingId: parent.meetingId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, kind: true, fileName: true, contentType: true, size: true, sha256: true, uploadedByName: true, createdAt: true },
  });
}

/** An attachment's bytes, if its draft or meeting lies in the reader's scope. */
export async function getAttachmentFile(actor: Actor, id: number) {
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError("Không tìm thấy tệp đính kèm.");
  const attachment = await db().attachment.findUnique({ where: { id } });
  if (!attachment) throw new NotFoundError("Không tìm thấy tệp đính kèm.");
  await findTarget(actor, { kind: attachment.kind, draftId: attachment.draftId ?? undefined, meetingId: attachment.meetingId ?? undefined }, false).catch((error) => {
    if (error instanceof NotFoundError) throw new NotFoundError("Không tìm thấy tệp đính kèm.");
    throw error;
  });
  const bytes = await attachmentStore().get(attachment.storageKey);
  if (!bytes) throw new NotFoundError("Tệp không còn trong kho lưu trữ.");
  return { attachment, bytes };
}
