import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { inScope } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getSetting } from "@/lib/settings/app-settings";
import { foldHeader } from "@/lib/imports/csv";
import type { ImportDefinition, ImportError } from "@/lib/imports/run-import";
import { PeriodSchema } from "@/lib/periods/period";
import { formatDate, formatPeriod, todayIso, isoDate } from "@/lib/format/date";
import { EDIT_DAYS_AFTER_PERIOD } from "@/lib/meetings/settings";
import { editingWindow, isEditable } from "@/lib/meetings/rules";
import { belongedInMonth, feeExemption } from "./fee-rules";
import { MAX_FEE_AMOUNT, parseFeeAmount } from "./schemas";
import { writeFees } from "./record-fees";

const PAID_WORDS: Record<string, boolean> = { "da dong": true, co: true, x: true, "1": true, paid: true, yes: true, "chua dong": false, khong: false, "0": false, unpaid: false, no: false };

const RowSchema = z
  .object({
    memberCode: z.string({ message: "Thiếu mã đảng viên." }).trim().min(1, "Thiếu mã đảng viên.").max(50, "Mã đảng viên quá dài."),
    period: PeriodSchema,
    paid: z.string({ message: "Thiếu cột Đã đóng: ghi Đã đóng hoặc Chưa đóng." }),
    amount: z.string().optional(),
    reason: z.string().trim().max(300, "Lý do dài tối đa 300 ký tự.").optional(),
  })
  .transform((row, context) => {
    const paid = PAID_WORDS[foldHeader(row.paid)];
    if (paid === undefined) context.addIssue({ code: "custom", path: ["paid"], message: `"${row.paid}" không hiểu được: ghi Đã đóng hoặc Chưa đóng.` });
    const amount = parseFeeAmount(row.amount);
    if (amount !== null && (Number.isNaN(amount) || amount > MAX_FEE_AMOUNT)) context.addIssue({ code: "custom", path: ["amount"], message: `Số tiền "${row.amount}" không đúng: ghi số đồng, ví dụ 50.000.` });
    if (paid === false && amount) context.addIssue({ code: "custom", path: ["amount"], message: "Chưa đóng thì không ghi số tiền." });
    return { memberCode: row.memberCode, period: row.period, paid: paid ?? false, amount: paid ? amount : null, reason: paid === false ? row.reason || null : null };
  });

type Row = z.infer<typeof RowSchema>;
type Resolved = { memberId: number; period: string; paid: boolean; amount: number | null; reason: string | null; branchId: number; branchCode: string };

async function resolve(actor: Parameters<ImportDefinition<Row, Resolved>["resolve"]>[0], rows: { row: number; value: Row }[], run: { state: Map<string, unknown> }) {
  const today = todayIso();
  const [members, editDays] = await Promise.all([
    db().member.findMany({
      where: { code: { in: [...new Set(rows.map((r) => r.value.memberCode))] } },
      select: { id: true, code: true, fullName: true, status: true, feeExempt: true, joinedBranchOn: true, leftBranchOn: true, branchId: true, branch: { select: { code: true, path: true } } },
    }),
    getSetting(EDIT_DAYS_AFTER_PERIOD),
  ]);
  // Outside the scope reads exactly as unknown: the file cannot probe other wards' codes.
  const memberByCode = new Map(members.filter((m) => inScope(actor, m.branch.path)).map((m) => [m.code, m]));
  const reopenings = await db().meetingReopening.findMany({
    where: { branchId: { in: [...new Set([...memberByCode.values()].map((m) => m.branchId))] }, period: { in: [...new Set(rows.map((r) => r.value.period))] } },
    select: { branchId: true, period: true, openUntil: true },
  });
  const reopenedUntil = new Map<string, string>();
  for (const r of reopenings) {
    const key = `${r.branchId}|${r.period}`;
    if ((reopenedUntil.get(key) ?? "") < isoDate(r.openUntil)) reopenedUntil.set(key, isoDate(r.openUntil));
  }
  const seen = (run.state.get("seen") as Map<string, number> | undefined) ?? new Map<string, number>();
  run.state.set("seen", seen);
  const accepted: { row: number; value: Resolved }[] = [];
  const errors: ImportError[] = [];
  for (const { row, value } of rows) {
    const fail = (field: string, message: string) => errors.push({ row, field, message });
    const member = memberByCode.get(value.memberCode);
    if (!member) {
      fail("memberCode", `Không có đảng viên ${value.memberCode} trong phạm vi của bạn.`);
      continue;
    }
    if (!belongedInMonth(member, value.period)) {
      fail("period", `${member.fullName} (${member.code}) không sinh hoạt tại chi bộ ${member.branch.code} trong ${formatPeriod(value.period)}.`);
      continue;
    }
    const exemption = feeExemption(member);
    if (exemption) {
      fail("memberCode", `${member.fullName} (${member.code}): ${exemption.toLowerCase()}, không ghi đảng phí.`);
      continue;
    }
    const window = editingWindow({ period: value.period, editDays, reopenedUntil: reopenedUntil.get(`${member.branchId}|${value.period}`), today });
    if (!isEditable(window)) {
      fail("period", window.state === "FUTURE" ? `${formatPeriod(value.period)} chưa bắt đầu.` : `${formatPeriod(value.period)} của chi bộ ${member.branch.code} đã khóa sổ từ ${formatDate(window.state === "LOCKED" ? window.since : today)}; cần Ban Tổ chức mở lại.`);
      continue;
    }
    const key = `${member.id}|${value.period}`;
    const duplicate = seen.get(key);
    if (duplicate) {
      fail("memberCode", `Đảng viên ${member.code} đã có ở dòng ${duplicate} cho ${formatPeriod(value.period)}.`);
      continue;
    }
    seen.set(key, row);
    accepted.push({ row, value: { memberId: member.id, period: value.period, paid: value.paid, amount: value.amount, reason: value.reason, branchId: member.branchId, branchCode: member.branch.code } });
  }
  return { accepted, errors };
}

/** Upserts the rows; one audit event per branch and month touched, plus the runner's event for the file. */
async function write(tx: Tx, actor: Parameters<ImportDefinition<Row, Resolved>["write"]>[1], rows: Resolved[]) {
  for (let start = 0; start < rows.length; start += 20_000) {
    const part = rows.slice(start, start + 20_000);
    await writeFees(tx, actor.label, part.map((r) => r.period), part);
  }
  const groups = new Map<string, Resolved[]>();
  for (const row of rows) groups.set(`${row.branchId}|${row.period}`, [...(groups.get(`${row.branchId}|${row.period}`) ?? []), row]);
  for (const group of groups.values()) {
    await recordAuditEvent(tx, actor, {
      action: "fee.recorded",
      entityType: "PartyFee",
      entityId: `${group[0].branchCode}/${group[0].period}`,
      orgUnitId: group[0].branchId,
      details: { period: group[0].period, via: "import", changed: group.length, paid: group.filter((r) => r.paid).length, unpaid: group.filter((r) => !r.paid).length },
    });
  }
}

export const FEE_IMPORT: ImportDefinition<Row, Resolved> = {
  kind: "fees",
  label: "Đảng phí",
  description:
    "Mỗi dòng là đảng phí một tháng của một đảng viên: đã đóng (có thể ghi số tiền) hoặc chưa đóng (có lý do chính đáng thì ghi lý do, tháng đó không tính vào số tháng vi phạm). " +
    "Cả tệp được ghi hoặc không dòng nào được ghi: còn một dòng lỗi thì sửa tệp rồi nhập lại. Đảng viên được miễn đảng phí không ghi. Kỳ đã khóa sổ cần Ban Tổ chức mở lại trước.",
  permission: "import.run",
  allOrNothing: true,
  columns: [
    { field: "memberCode", header: "Mã đảng viên", aliases: ["memberCode"], description: "Mã đảng viên trong hệ thống", example: "LB-BD-05-001" },
    { field: "period", header: "Kỳ", aliases: ["Tháng", "period"], description: "Tháng đóng đảng phí, dạng YYYY-MM", example: "2026-11" },
    { field: "paid", header: "Đã đóng", aliases: ["Trạng thái", "paid"], description: "Đã đóng hoặc Chưa đóng", example: "Đã đóng" },
    { field: "amount", header: "Số tiền", aliases: ["Số tiền (đồng)", "amount"], description: "Số đồng đã đóng, ví dụ 50.000 (không bắt buộc)", example: "50.000", required: false },
    { field: "reason", header: "Lý do", aliases: ["reason"], description: "Chưa đóng có lý do chính đáng: ghi lý do", example: "", required: false },
  ],
  rowSchema: RowSchema as unknown as z.ZodType<Row>,
  resolve,
  write: (tx, actor, rows) => write(tx, actor, rows as Resolved[]),
  maxRows: 200_000,
};
