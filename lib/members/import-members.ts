import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { scopePattern, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { createNotification } from "@/lib/notifications/create-notification";
import type { StagedImportDefinition } from "@/lib/imports/run-import";
import { currentPeriod } from "@/lib/periods/period";
import { listStatPeriods, lockHandbookStats, periodsToRefresh, refreshHandbookStats } from "@/lib/stats/refresh-handbook-stats";
import { prismaRunner } from "@/lib/stats/sql-runner";
import { todayIso } from "@/lib/format/date";
import { checkMemberRows } from "./check-member-rows";

/** A branch whose members changed, and the first month whose roll-ups can differ. */
type ChangedBranch = { branch_id: number; from_period: string };

/** The accepted rows of the checked table, in the columns of Member. */
function acceptedRows(checked: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT row_no, code, branch_id AS "branchId", full_name AS "fullName", gender, birth_year AS "birthYear",
    status, eligible AS "eligibleForHandbook", installed AS "handbookInstalledAt",
    joined AS "joinedBranchOn", left_on AS "leftBranchOn" FROM ${checked} WHERE ok)`;
}

/**
 * Checked rows (`ok`) → Member: changed members are updated, new ones inserted,
 * unchanged ones left alone (so a file imported twice writes nothing the
 * second time). Only members of a branch in the importer's scope are updated;
 * a code held outside it is left alone (see heldOutsideScope). Returns the
 * branches whose members changed, before and after.
 *
 * One statement: the file is matched with Member once, and only its new and
 * changed rows go on to the UPDATE and the INSERT (a second match of half a
 * million codes, for the INSERT alone, cost about as much as the first).
 */
async function upsertCheckedMembers(tx: Tx, checked: Prisma.Sql, scopePrefix: string): Promise<ChangedBranch[]> {
  const today = todayIso();
  const rows = acceptedRows(checked);
  const former = Prisma.sql`CASE WHEN r.status IN ('ACTIVE', 'EXEMPT') THEN NULL::date ELSE COALESCE(r."leftBranchOn", m."leftBranchOn", ${today}::date) END`;
  return tx.$queryRaw<ChangedBranch[]>`
    WITH changed AS (
      SELECT m.id, m."branchId" AS old_branch, m."joinedBranchOn" AS old_joined, m."handbookInstalledAt" AS old_installed,
        (m."branchId", m."eligibleForHandbook", m.status, m."joinedBranchOn", m."leftBranchOn")
          IS DISTINCT FROM (r."branchId", r."eligibleForHandbook", r.status, COALESCE(r."joinedBranchOn", m."joinedBranchOn"), ${former}) AS membership_changed,
        r.code, r."branchId", r."fullName", r.gender, r."birthYear", r.status, r."eligibleForHandbook",
        r."handbookInstalledAt", COALESCE(r."joinedBranchOn", m."joinedBranchOn", ${today}::date) AS joined, ${former} AS "left"
      FROM ${rows} r LEFT JOIN "Member" m ON m.code = r.code LEFT JOIN "OrgUnit" ob ON ob.id = m."branchId"
      -- A new code, or a member in scope whose values differ (a code held outside the scope is neither).
      WHERE m.id IS NULL OR (ob.path LIKE ${scopePrefix}
        AND (m."branchId", m."fullName", m.gender, m."birthYear", m.status, m."eligibleForHandbook", m."handbookInstalledAt", m."joinedBranchOn", m."leftBranchOn")
          IS DISTINCT FROM (r."branchId", r."fullName", r.gender, r."birthYear", r.status, r."eligibleForHandbook", r."handbookInstalledAt", COALESCE(r."joinedBranchOn", m."joinedBranchOn"), ${former}))
    ),
    updated AS (
      UPDATE "Member" m SET "branchId" = c."branchId", "fullName" = c."fullName", gender = c.gender, "birthYear" = c."birthYear", status = c.status,
        "eligibleForHandbook" = c."eligibleForHandbook", "handbookInstalledAt" = c."handbookInstalledAt", "joinedBranchOn" = c.joined,
        "leftBranchOn" = c."left", "updatedAt" = now()
      FROM changed c WHERE c.id IS NOT NULL AND m.id = c.id
      RETURNING c.old_branch, m."branchId",
        -- The first day whose roll-ups can differ: membership counts from joining, installs from installing.
        CASE WHEN c.membership_changed THEN LEAST(c.old_joined, m."joinedBranchOn")
          WHEN c.old_installed IS DISTINCT FROM m."handbookInstalledAt" THEN LEAST(c.old_installed, m."handbookInstalledAt")::date END AS from_day
    ),
    added AS (
      INSERT INTO "Member" (code, "branchId", "fullName", gender, "birthYear", status, "eligibleForHandbook", "handbookInstalledAt", "joinedBranchOn", "leftBranchOn", "createdAt", "updatedAt")
      SELECT code, "branchId", "fullName", gender, "birthYear", status, "eligibleForHandbook", "handbookInstalledAt", joined, "left", now(), now()
      FROM changed WHERE id IS NULL
      RETURNING "branchId", "joinedBranchOn"
    )
    SELECT branch_id, to_char(min(from_day), 'YYYY-MM') AS from_period FROM (SELECT old_branch AS branch_id, from_day FROM updated UNION ALL SELECT "branchId", from_day FROM updated) d
    WHERE from_day IS NOT NULL GROUP BY branch_id
    UNION ALL
    SELECT "branchId", to_char(min("joinedBranchOn"), 'YYYY-MM') FROM added GROUP BY "branchId"`;
}

/**
 * Codes of the file that belong to a member of a unit outside the importer's
 * scope. The importer is not told (the answer for such a row is the one for a
 * new code, or the import would reveal which member codes exist city-wide);
 * administrators are, so that the member can be transferred.
 */
async function reportHeldOutsideScope(tx: Tx, actor: Actor, checked: Prisma.Sql, scopePrefix: string): Promise<void> {
  const held = await tx.$queryRaw<{ code: string; branchId: number }[]>`
    SELECT r.code, m."branchId" FROM ${checked} r JOIN "Member" m ON m.code = r.code JOIN "OrgUnit" ob ON ob.id = m."branchId"
    WHERE r.ok AND ob.path NOT LIKE ${scopePrefix} ORDER BY r.row_no LIMIT 1000`;
  if (!held.length) return;
  await recordAuditEvent(tx, actor, {
    action: "member.import.heldOutsideScope",
    entityType: "Member",
    orgUnitId: actor.orgUnitId,
    details: { codes: held.map((row) => row.code), importedTo: actor.scopePath },
  });
  const admins = await tx.user.findMany({ where: { role: "ADMIN", active: true }, select: { id: true } });
  await createNotification(tx, {
    userIds: admins.map((admin) => admin.id),
    kind: "member.import.heldOutsideScope",
    title: `${held.length.toLocaleString("vi-VN")} mã đảng viên trong tệp nhập của ${actor.displayName} đang thuộc đơn vị khác`,
    body: `Các dòng này không được ghi; nếu đảng viên đã chuyển sinh hoạt, hãy chuyển họ trong hệ thống: ${held.slice(0, 20).map((row) => row.code).join(", ")}${held.length > 20 ? "…" : ""}`,
    href: "/admin/audit",
    exceptUserId: actor.id,
  });
}

/**
 * CSV of Party members (docs/imports.md, kind "members"), e.g. exported from
 * the member records software. Keyed by member code: a new code adds a member,
 * a known one updates the member (moving them when the branch changes). Bulk
 * all the way: COPY into a staging table, the checks in SQL
 * (check-member-rows.ts), then one statement that updates and inserts.
 */
export const memberImport: StagedImportDefinition = {
  kind: "members",
  label: "Danh sách đảng viên",
  description:
    "Mỗi dòng là một đảng viên, nhận diện theo mã đảng viên: mã mới thì thêm, mã đã có thì cập nhật (đổi mã chi bộ là chuyển sinh hoạt). " +
    "Ô trống của cột không bắt buộc nghĩa là không có (chưa cài Sổ tay, không rõ giới tính); ngày vào chi bộ để trống thì giữ ngày cũ. " +
    "Số liệu cài đặt Sổ tay trên bảng điều hành được tính lại ngay sau khi nhập.",
  permission: "import.run",
  columns: [
    { field: "code", header: "Mã đảng viên", aliases: ["code", "ma dv", "so the dang vien"], description: "Mã ổn định của đảng viên (chữ không dấu, số, - . _ /)", example: "LB-BD-05-001" },
    { field: "branchCode", header: "Mã chi bộ", aliases: ["branchCode"], description: "Chi bộ đảng viên đang sinh hoạt (trong phạm vi của bạn)", example: "LB-BD-05" },
    { field: "fullName", header: "Họ và tên", aliases: ["fullName", "ho ten"], description: "Họ tên có dấu", example: "Nguyễn Thị Lan" },
    { field: "status", header: "Trạng thái", aliases: ["status"], description: "Đang sinh hoạt (mặc định), Miễn sinh hoạt, Đã chuyển đi, Đã từ trần", example: "Đang sinh hoạt", required: false },
    { field: "eligibleForHandbook", header: "Thuộc diện cài Sổ tay", aliases: ["eligibleForHandbook", "thuoc dien cai so tay dien tu"], description: "Có (mặc định) / Không", example: "Có", required: false },
    { field: "handbookInstalledAt", header: "Ngày cài Sổ tay", aliases: ["handbookInstalledAt", "ngay cai dat so tay"], description: "Ngày đảng viên cài Sổ tay điện tử; trống là chưa cài", example: "2025-03-15", required: false },
    { field: "gender", header: "Giới tính", aliases: ["gender"], description: "Nam / Nữ", example: "Nữ", required: false },
    { field: "birthYear", header: "Năm sinh", aliases: ["birthYear"], description: "Năm sinh (4 chữ số)", example: "1968", required: false },
    { field: "joinedBranchOn", header: "Ngày vào chi bộ", aliases: ["joinedBranchOn", "ngay chuyen den"], description: "Ngày bắt đầu sinh hoạt ở chi bộ; trống: giữ ngày cũ, đảng viên mới lấy ngày nhập", example: "2012-09-01", required: false },
    { field: "leftBranchOn", header: "Ngày rời chi bộ", aliases: ["leftBranchOn", "ngay chuyen di"], description: "Chỉ với Đã chuyển đi, Đã từ trần; trống: ngày nhập", example: "", required: false },
  ],
  check: (actor, staged, maxErrors) => checkMemberRows(actor, staged, maxErrors),
  async write(tx, actor, staged) {
    const checked = staged.tableFor("checked");
    const run = prismaRunner(tx);
    // Serializes with other member imports and roll-up refreshes until this transaction ends.
    await lockHandbookStats(run);
    // Comparing and inserting half a million rows hashes in memory; the checked table's statistics give the planner its true size.
    await run.execute(Prisma.sql`SET LOCAL work_mem = '256MB'`);
    await run.execute(Prisma.sql`ANALYZE ${checked} (ok, code)`);
    const scopePrefix = scopePattern(actor);
    const changedBranches = await upsertCheckedMembers(tx, checked, scopePrefix);
    await reportHeldOutsideScope(tx, actor, checked, scopePrefix);
    if (!changedBranches.length) return;
    // Each month is refreshed for the branches whose change reaches it: a newly installed member changes the
    // months from the install date on, not all 24 (a file of new installs refreshes one or two months).
    const covered = await listStatPeriods(run);
    for (const period of periodsToRefresh(covered, [currentPeriod()], { allCovered: true })) {
      // A month never built is built whole (refreshHandbookStats), whatever changed.
      const reached = covered.includes(period) ? changedBranches.filter((branch) => branch.from_period <= period) : changedBranches;
      const branchIds = reached.map((branch) => branch.branch_id);
      if (branchIds.length) await refreshHandbookStats(run, { periods: [period], branchIds });
    }
  },
};
