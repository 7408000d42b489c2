import "server-only";
import type { Tx } from "@/lib/db/client";

/**
 * Recomputes the queue's counters of one draft inside the caller's
 * transaction: published unresolved threads, and whether the latest feedback
 * (a request for changes) still waits for the ward's acknowledgement.
 */
export async function refreshDraftCounters(tx: Tx, draftId: number): Promise<void> {
  // Lock the draft first, in a statement of its own: the recount below then
  // takes its snapshot after every concurrent writer of this draft committed
  // (READ COMMITTED re-checks an UPDATE's row but not its subqueries, so
  // parallel comments would otherwise each count without the others').
  // NO KEY UPDATE, not UPDATE: writers already hold KEY SHARE on the draft through their
  // comment's foreign key, and UPDATE would deadlock against that.
  await tx.$queryRaw`SELECT id FROM "Draft" WHERE id = ${draftId} FOR NO KEY UPDATE`;
  await tx.$executeRaw`
    UPDATE "Draft" d SET
      "openComments" = (SELECT count(*)::int FROM "DraftComment" c WHERE c."draftId" = d.id AND c."parentId" IS NULL AND c."publishedAt" IS NOT NULL AND c."resolvedAt" IS NULL),
      "feedbackPendingSince" = (SELECT CASE WHEN f.decision = 'CHANGES_REQUESTED' AND f."acknowledgedAt" IS NULL THEN f."createdAt" END
                                FROM "Feedback" f WHERE f."draftId" = d.id ORDER BY f."createdAt" DESC, f.id DESC LIMIT 1),
      "feedbackAckedAt" = (SELECT max(f."acknowledgedAt") FROM "Feedback" f WHERE f."draftId" = d.id)
    WHERE d.id = ${draftId}`;
}
