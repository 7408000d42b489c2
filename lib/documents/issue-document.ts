import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ConflictError } from "@/lib/errors";
import { generateDocument } from "./generate-document";

/**
 * Issues a document: generates it as of now under the given number (or the
 * next free one) and keeps the file, its figures and text, who and when. A
 * number already used by the issuer for that type and year is refused (409).
 */
export async function issueDocument(actor: Actor, raw: unknown) {
  assertCan(actor, "document.issue");
  const generated = await generateDocument(actor, raw);
  try {
    return await db().$transaction(async (tx) => {
      // Two issuers racing for the same number: the unique index decides, the loser gets 409.
      const issued = await tx.issuedDocument.create({
        data: {
          kind: generated.kind,
          issuerUnitId: generated.issuerUnitId,
          typeCode: generated.typeCode,
          orgUnitId: generated.orgUnitId,
          period: generated.period,
          draftId: generated.draftId,
          year: generated.year,
          number: generated.number,
          numberLabel: generated.numberLabel,
          title: generated.title,
          figures: generated.figures,
          text: generated.text,
          file: new Uint8Array(generated.file),
          sha256: generated.sha256,
          issuedByUserId: actor.kind === "user" ? actor.id : null,
          issuedByName: actor.displayName,
        },
        select: { id: true, numberLabel: true, issuedAt: true },
      });
      await recordAuditEvent(tx, actor, { action: "document.issued", entityType: "IssuedDocument", entityId: issued.id, orgUnitId: generated.orgUnitId, details: { kind: generated.kind, numberLabel: generated.numberLabel, period: generated.period, sha256: generated.sha256 } });
      return issued;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new ConflictError(`Số ${generated.numberLabel} đã được dùng trong năm ${generated.year}. Chọn số khác.`);
    throw error;
  }
}
