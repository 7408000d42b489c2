import "server-only";
import { daysWaited } from "@/lib/format/date";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { assertCan, scopePattern, type Actor } from "@/lib/auth/actor";
import { getSetting } from "@/lib/settings/app-settings";
import { now as clockNow } from "@/lib/clock";
import type { Period } from "@/lib/periods/period";
import { FEEDBACK_ACK_DAYS } from "./settings";

const DAY_MS = 86_400_000;

/** A request for changes is overdue once it has waited more than `ackDays` whole days unacknowledged. */
export function isAckOverdue(decision: string, createdAt: Date, acknowledgedAt: Date | null, at: Date, ackDays: number): boolean {
  return decision === "CHANGES_REQUESTED" && !acknowledgedAt && daysWaited(createdAt, at) > ackDays;
}

/**
 * The same rule as an instant: a request sent at or before it is overdue at `at` (more than
 * `ackDays` whole days waited). SQL compares with it, so lists, filters and counts agree with the
 * days a row shows.
 */
export function ackOverdueCutoff(at: Date, ackDays: number): Date {
  return new Date(at.getTime() - (ackDays + 1) * DAY_MS);
}

/** The rule in SQL over "Feedback" f. */
export function ackOverdueSql(at: Date, ackDays: number): Prisma.Sql {
  return Prisma.sql`f.decision = 'CHANGES_REQUESTED' AND f."acknowledgedAt" IS NULL AND f."createdAt" <= ${ackOverdueCutoff(at, ackDays)}`;
}

/**
 * What the feedback list holds unacknowledged in the actor's scope, every period (or one): the
 * count the home page and the feedback page show, and the API returns beside the list.
 */
export async function countOpenFeedback(actor: Actor, options: { period?: Period } = {}): Promise<{ open: number; overdue: number; ackDays: number }> {
  assertCan(actor, "feedback.read");
  const ackDays = await getSetting(FEEDBACK_ACK_DAYS);
  const conditions = [Prisma.sql`b.path LIKE ${scopePattern(actor)}`, Prisma.sql`f."acknowledgedAt" IS NULL`];
  if (options.period) conditions.push(Prisma.sql`f.period = ${options.period}`);
  const [row] = await db().$queryRaw<{ open: number; overdue: number }[]>`
    SELECT count(*)::int AS open, count(*) FILTER (WHERE ${ackOverdueSql(clockNow(), ackDays)})::int AS overdue
    FROM "Feedback" f JOIN "OrgUnit" b ON b.id = f."branchId"
    WHERE ${Prisma.join(conditions, " AND ")}`;
  return { open: row.open, overdue: row.overdue, ackDays };
}
