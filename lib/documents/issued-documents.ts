import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, inScope, type Actor } from "@/lib/auth/actor";
import { findUnitInScope } from "@/lib/org/org-units";
import { NotFoundError } from "@/lib/errors";

/** Documents issued about a unit (and the units under it), newest first. */
export async function listIssuedDocuments(actor: Actor, options: { orgUnitId: number; limit?: number }) {
  assertCan(actor, "document.generate");
  const unit = await findUnitInScope(actor, options.orgUnitId, "org.read");
  const units = await db().orgUnit.findMany({ where: { path: { startsWith: unit.path } }, select: { id: true } });
  return db().issuedDocument.findMany({
    where: { orgUnitId: { in: units.map((row) => row.id) } },
    orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
    take: options.limit ?? 50,
    select: { id: true, kind: true, orgUnitId: true, period: true, draftId: true, numberLabel: true, title: true, sha256: true, issuedByName: true, issuedAt: true },
  });
}

/** One issued document with its file, if the unit it is about lies in the reader's scope. */
export async function getIssuedDocument(actor: Actor, id: number) {
  assertCan(actor, "document.generate");
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError("Không tìm thấy văn bản.");
  const doc = await db().issuedDocument.findUnique({ where: { id } });
  const unit = doc ? await db().orgUnit.findUnique({ where: { id: doc.orgUnitId }, select: { path: true } }) : null;
  if (!doc || !unit || !inScope(actor, unit.path)) throw new NotFoundError("Không tìm thấy văn bản.");
  return doc;
}
