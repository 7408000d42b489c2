import "server-only";
import { daysWaited } from "@/lib/format/date";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation/parse";
import { getSetting } from "@/lib/settings/app-settings";
import { FeedbackFilterSchema } from "./schemas";
import { FEEDBACK_ACK_DAYS, RESUBMIT_DAYS } from "./settings";
import { resubmissionOf, type Resubmission } from "./deadlines";
import { ackOverdueSql, isAckOverdue } from "./feedback-counts";
import { now } from "@/lib/clock";
import { findUnitInScope } from "@/lib/org/org-units";
import { branchesWithParentSql } from "@/lib/org/tree-sql";

export type FeedbackItem = {
  id: number;
  draftId: number;
  period: string;
  branch: { id: number; code: string; name: string };
  ward: { id: number; name: string } | null;
  decision: "APPROVED" | "CHANGES_REQUESTED";
  summary: string;
  flags: string[];
  versionNo: number;
  reviewerName: string;
  createdAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedByName: string | null;
  reply: string | null;
  /** Days waiting for acknowledgement (null once acknowledged). */
  waitingDays: number | null;
  overdue: boolean;
  comments: { id: number; quote: string | null; body: string; suggestion: string | null }[];
  /** For the latest request for changes of a draft: when the branch must send it again, and whether it did. */
  resubmission: Resubmission | null;
};

/**
 * The ward committee's inbox (and the board's view of it): decisions and
 * their comments on the drafts of branches in scope, open or acknowledged.
 */
export async function listFeedback(actor: Actor, rawFilter: unknown) {
  assertCan(actor, "feedback.read");
  const filter = parseInput(FeedbackFilterSchema, rawFilter ?? {}, "Tham số truy vấn không hợp lệ.");
  const ackDays = await getSetting(FEEDBACK_ACK_DAYS);
  // A ward (or branch) filter narrows the scope; one outside it is "not found".
  const scope = filter.orgUnitId ? (await findUnitInScope(actor, filter.orgUnitId, "org.read")).path : actor.scopePath;
  const at = now();
  const conditions: Prisma.Sql[] = [Prisma.sql`b.path LIKE ${scope} || '%'`];
  if (filter.status === "open") conditions.push(Prisma.sql`f."acknowledgedAt" IS NULL`);
  if (filter.status === "overdue") conditions.push(ackOverdueSql(at, ackDays));
  if (filter.decision) conditions.push(Prisma.sql`f.decision = ${filter.decision}::"ReviewDecision"`);
  if (filter.status === "acknowledged") conditions.push(Prisma.sql`f."acknowledgedAt" IS NOT NULL`);
  if (filter.period) conditions.push(Prisma.sql`f.period = ${filter.period}`);
  const where = Prisma.join(conditions, " AND ");
  const [{ total }] = await db().$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS total FROM "Feedback" f JOIN "OrgUnit" b ON b.id = f."branchId" WHERE ${where}`;
  const rows = await db().$queryRaw<
    { id: number; draftId: number; period: string; branchId: number; branchCode: string; branchName: string; wardId: number | null; wardName: string | null; decision: FeedbackItem["decision"]; summary: string; flags: string[]; versionNo: number; reviewerName: string; reviewId: number; createdAt: Date; acknowledgedAt: Date | null; acknowledgedByName: string | null; reply: string | null; draftStatus: string; reviewedAt: Date | null; lastSubmittedAt: Date }[]
  >`
    SELECT f.id, f."draftId", f.period, b.id AS "branchId", b.code AS "branchCode", b.name AS "branchName", w.id AS "wardId", w.name AS "wardName",
      f.decision, r.summary, r.flags::text[] AS flags, r."versionNo", r."reviewerName", r.id AS "reviewId", f."createdAt", f."acknowledgedAt", f."acknowledgedByName", f.reply,
      d.status AS "draftStatus", d."reviewedAt", d."lastSubmittedAt"
    FROM "Feedback" f
    JOIN "Draft" d ON d.id = f."draftId"
    JOIN "OrgUnit" b ON b.id = f."branchId"
    LEFT JOIN "OrgUnit" w ON w.id = b."parentId"
    JOIN "DraftReview" r ON r.id = f."reviewId"
    WHERE ${where}
    ORDER BY (f."acknowledgedAt" IS NULL) DESC, (f.decision = 'CHANGES_REQUESTED') DESC, f."createdAt" ${filter.status === "acknowledged" ? Prisma.sql`DESC` : Prisma.sql`ASC`}, f.id
    LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`;
  const comments = rows.length
    ? await db().draftComment.findMany({
        where: { reviewId: { in: rows.map((row) => row.reviewId) }, parentId: null },
        select: { id: true, reviewId: true, anchorQuote: true, body: true, suggestion: true },
        orderBy: [{ anchorStart: "asc" }, { id: "asc" }],
      })
    : [];
  const resubmitDays = await getSetting(RESUBMIT_DAYS);
  const items: FeedbackItem[] = rows.map((row) => {
    const waitingDays = row.acknowledgedAt ? null : daysWaited(row.createdAt, at);
    return {
      id: row.id,
      draftId: row.draftId,
      period: row.period,
      branch: { id: row.branchId, code: row.branchCode, name: row.branchName },
      ward: row.wardId ? { id: row.wardId, name: row.wardName! } : null,
      decision: row.decision,
      summary: row.summary,
      flags: row.flags,
      versionNo: row.versionNo,
      reviewerName: row.reviewerName,
      createdAt: row.createdAt,
      acknowledgedAt: row.acknowledgedAt,
      acknowledgedByName: row.acknowledgedByName,
      reply: row.reply,
      waitingDays,
      overdue: isAckOverdue(row.decision, row.createdAt, row.acknowledgedAt, at, ackDays),
      comments: comments.filter((comment) => comment.reviewId === row.reviewId).map((comment) => ({ id: comment.id, quote: comment.anchorQuote, body: comment.body, suggestion: comment.suggestion })),
      // Only the draft's latest decision has a resubmission to wait for.
      resubmission: row.decision === "CHANGES_REQUESTED" && row.reviewedAt && row.reviewedAt.getTime() === row.createdAt.getTime() ? resubmissionOf({ status: row.draftStatus, lastDecision: row.decision, reviewedAt: row.reviewedAt, lastSubmittedAt: row.lastSubmittedAt }, resubmitDays, at) : null,
    };
  });
  return { items, total, page: filter.page, pageSize: filter.pageSize, filter, ackDays };
}

/** Unacknowledged requests for changes per ward, with the oldest waiting time: who has not acknowledged and for how long. */
export async function summarizeUnacknowledged(actor: Actor) {
  assertCan(actor, "feedback.read");
  const ackDays = await getSetting(FEEDBACK_ACK_DAYS);
  const at = now();
  const rows = await db().$queryRaw<{ wardId: number; wardName: string; open: number; overdue: number; oldest: Date }[]>`
    SELECT w.id AS "wardId", w.name AS "wardName", count(*)::int AS open,
      count(*) FILTER (WHERE ${ackOverdueSql(at, ackDays)})::int AS overdue,
      min(f."createdAt") AS oldest
    FROM "Feedback" f
    JOIN "Draft" d ON d.id = f."draftId"
    JOIN (${branchesWithParentSql(actor.scopePath, { mode: "current" })}) bw ON bw.branch_id = f."branchId"
    JOIN "OrgUnit" w ON w.id = bw.parent_id
    WHERE f."acknowledgedAt" IS NULL AND f.decision = 'CHANGES_REQUESTED' AND d."feedbackPendingSince" = f."createdAt"
    GROUP BY w.id, w.name
    ORDER BY min(f."createdAt"), w.name`;
  return { ackDays, wards: rows.map((row) => ({ ...row, oldestDays: daysWaited(row.oldest, at) })) };
}
