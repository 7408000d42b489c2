import "server-only";
import crypto from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ConflictError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { findUnitInScope } from "@/lib/org/org-units";
import { formatPeriod } from "@/lib/format/date";
import { createNotification } from "@/lib/notifications/create-notification";
import { findUsersCovering } from "@/lib/notifications/find-recipients";
import { countWords, normalizeBody } from "./analyzer/text";
import { analyzeDraftVersion } from "./analyze-draft-version";
import { submittablePeriods } from "./deadlines";
import { MAX_DRAFT_WORDS, MIN_DRAFT_WORDS, SubmitDraftSchema } from "./schemas";
import { searchTextOf } from "./search-query";
import { now as clockNow } from "@/lib/clock";

export type SubmittedVersion = { id: number; versionNo: number; created: boolean };

export function defaultDraftTitle(period: string): string {
  return `Nghị quyết hội nghị chi bộ ${formatPeriod(period).toLowerCase()}`;
}

/**
 * A branch secretary submits the draft for a period: the first submission
 * creates the draft, later ones add an immutable version (a revision after
 * CHANGES_REQUESTED). The analyzer runs in the same transaction. The same
 * text twice is not a new version.
 */
export async function submitDraftVersion(actor: Actor, rawInput: unknown): Promise<SubmittedVersion> {
  assertCan(actor, "draft.submit");
  const input = parseInput(SubmitDraftSchema, rawInput);
  const branch = await findUnitInScope(actor, input.branchId ?? actor.orgUnitId, "org.read");
  if (branch.level !== "BRANCH" || branch.validTo) {
    throw new ValidationError("Chỉ chi bộ đang hoạt động mới nộp dự thảo.", [{ field: "branchId", message: "Chọn một chi bộ đang hoạt động." }]);
  }
  if (!submittablePeriods().includes(input.period)) {
    throw new ValidationError("Kỳ này không nhận dự thảo.", [{ field: "period", message: `Chỉ nộp được dự thảo từ ${formatPeriod(submittablePeriods()[0])} đến ${formatPeriod(submittablePeriods()[3])}.` }]);
  }
  const body = normalizeBody(input.body);
  const words = countWords(body);
  if (words < MIN_DRAFT_WORDS) throw new ValidationError("Dự thảo quá ngắn.", [{ field: "body", message: `Dự thảo cần ít nhất ${MIN_DRAFT_WORDS} chữ (hiện có ${words}).` }]);
  if (words > MAX_DRAFT_WORDS) throw new ValidationError("Dự thảo quá dài.", [{ field: "body", message: `Dự thảo dài tối đa ${MAX_DRAFT_WORDS.toLocaleString("vi-VN")} chữ.` }]);
  const title = input.title ?? defaultDraftTitle(input.period);
  const contentHash = crypto.createHash("sha256").update(body).digest("hex");
  const now = clockNow();

  try {
    return await db().$transaction(
      async (tx) => {
        // One submission of a period at a time: each writes its own draft, then the similar lists of
        // the drafts it resembles, so two template copies sent at the same moment would deadlock.
        await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`draft-analysis:${input.period}`}))`;
        const existing = await tx.draft.findUnique({ where: { branchId_period: { branchId: branch.id, period: input.period } } });
        const currentNo = existing?.currentVersionNo ?? 0;
        if (input.expectedVersionNo !== undefined && input.expectedVersionNo !== currentNo) {
          throw new ConflictError(`Dự thảo đã có phiên bản ${currentNo} (bạn đang sửa từ phiên bản ${input.expectedVersionNo}). Tải lại trang để xem bản mới nhất rồi nộp lại.`);
        }
        if (existing) {
          const current = await tx.draftVersion.findUnique({ where: { draftId_versionNo: { draftId: existing.id, versionNo: currentNo } }, select: { contentHash: true, title: true } });
          if (current?.contentHash === contentHash && current.title === title) return { id: existing.id, versionNo: currentNo, created: false };
        }
        const versionNo = currentNo + 1;
        let draftId: number;
        if (existing) {
          const status = existing.status === "SUBMITTED" ? "SUBMITTED" : "REVISED";
          const { count } = await tx.draft.updateMany({ where: { id: existing.id, currentVersionNo: currentNo }, data: { currentVersionNo: versionNo, status, title, lastSubmittedAt: now, searchText: searchTextOf(title, body) } });
          if (count === 0) throw new ConflictError();
          draftId = existing.id;
        } else {
          const created = await tx.draft.create({ data: { branchId: branch.id, period: input.period, title, status: "SUBMITTED", currentVersionNo: 1, firstSubmittedAt: now, lastSubmittedAt: now, searchText: searchTextOf(title, body) } });
          draftId = created.id;
        }
        const version = await tx.draftVersion.create({
          data: {
            draftId,
            versionNo,
            title,
            body,
            contentHash,
            wordCount: words,
            submittedByUserId: actor.kind === "user" ? actor.id : null,
            submittedByTokenId: actor.kind === "token" ? actor.id : null,
            submittedByName: actor.displayName,
            submittedAt: now,
          },
        });
        const { proposedFlags } = await analyzeDraftVersion(tx, { draftId, branchId: branch.id, branchPath: branch.path, period: input.period, versionId: version.id, versionNo, body });
        await tx.draftWorkingCopy.deleteMany({ where: { branchId: branch.id, period: input.period } });
        await recordAuditEvent(tx, actor, {
          action: versionNo === 1 ? "draft.submitted" : "draft.revised",
          entityType: "Draft",
          entityId: draftId,
          orgUnitId: branch.id,
          details: { period: input.period, versionNo, words, proposedFlags },
        });
        if (versionNo > 1) {
          // Those who reviewed it and the ward committee hear that a revision arrived.
          const reviewers = await tx.draftReview.findMany({ where: { draftId, reviewerUserId: { not: null } }, select: { reviewerUserId: true }, distinct: ["reviewerUserId"] });
          const ward = await findUsersCovering(tx, branch.path, ["WARD_COMMITTEE"]);
          await createNotification(tx, {
            userIds: [...reviewers.map((review) => review.reviewerUserId!), ...ward],
            kind: "draft.revised",
            title: `${branch.name} đã nộp phiên bản ${versionNo} dự thảo ${formatPeriod(input.period).toLowerCase()}`,
            href: `/drafts/${draftId}`,
            orgUnitId: branch.id,
            exceptUserId: actor.kind === "user" ? actor.id : null,
          });
        }
        return { id: draftId, versionNo, created: true };
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError("Dự thảo vừa được nộp từ nơi khác. Tải lại trang để xem bản mới nhất.");
    }
    throw error;
  }
}
