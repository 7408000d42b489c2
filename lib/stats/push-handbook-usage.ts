import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ValidationError, type ErrorDetail } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { UsagePushSchema } from "./schemas";
import { branchInForceOn, findBranchesByCode } from "./find-branches-by-code";
import { recordUsageSnapshots, type UsageWriteResult } from "./record-usage-snapshots";

export type UsagePushResult = { date: string; period: string; accepted: number } & UsageWriteResult;

/**
 * The handbook app (or a city system) pushes one day's usage figures for many
 * branches: `PUT /api/v1/stats/handbook`. All or nothing: one unknown branch
 * refuses the whole body with a row-level list of problems. Idempotent per
 * branch and date: the same body twice leaves the same state.
 */
export async function pushHandbookUsage(actor: Actor, rawBody: unknown): Promise<UsagePushResult> {
  assertCan(actor, "stats.push");
  const body = parseInput(UsagePushSchema, rawBody);
  const branches = await findBranchesByCode(actor, body.rows.map((row) => row.branchCode));
  const problems: ErrorDetail[] = [];
  const rows = body.rows.flatMap((row, index) => {
    const branch = branches.get(row.branchCode);
    if (!branch) {
      problems.push({ field: `rows.${index}.branchCode`, row: index, message: `Không có chi bộ mã ${row.branchCode} trong phạm vi của mã truy cập.` });
      return [];
    }
    if (!branchInForceOn(branch, body.date)) {
      problems.push({ field: `rows.${index}.branchCode`, row: index, message: `Chi bộ ${row.branchCode} không còn hoạt động vào ngày ${body.date}.` });
      return [];
    }
    return [{ branchId: branch.id, date: body.date, usedInMeetings: row.usedInMeetings, newsPosts: row.newsPosts, documents: row.documents }];
  });
  if (problems.length) throw new ValidationError(`Có ${problems.length.toLocaleString("vi-VN")} dòng không hợp lệ, chưa ghi gì.`, problems);

  const result = await db().$transaction(
    async (tx) => {
      const written = await recordUsageSnapshots(tx, rows, "api");
      await recordAuditEvent(tx, actor, {
        action: "stats.handbook.pushed",
        entityType: "UsageSnapshot",
        entityId: body.date,
        orgUnitId: actor.orgUnitId,
        details: { date: body.date, rows: rows.length, ...written },
      });
      return written;
    },
    { timeout: 5 * 60_000, maxWait: 30_000 },
  );
  return { date: body.date, period: body.date.slice(0, 7), accepted: rows.length, ...result };
}
