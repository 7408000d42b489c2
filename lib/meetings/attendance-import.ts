import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { inScope } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getSetting } from "@/lib/settings/app-settings";
import { foldHeader } from "@/lib/imports/csv";
import type { ImportDefinition, ImportError } from "@/lib/imports/run-import";
import { PeriodSchema } from "@/lib/periods/period";
import { formatDate, formatPeriod, todayIso, addDays, isoDate } from "@/lib/format/date";
import { EDIT_DAYS_AFTER_PERIOD } from "./settings";
import { refreshMeetingStatsAfterWrite } from "./meeting-stats";
import { editingWindow, isEditable, periodEnd } from "./rules";

const STATUS_WORDS: Record<string, "PRESENT" | "EXCUSED" | "UNEXCUSED"> = {
  present: "PRESENT",
  "co mat": "PRESENT",
  x: "PRESENT",
  excused: "EXCUSED",
  "vang co ly do": "EXCUSED",
  "vang cld": "EXCUSED",
  p: "EXCUSED",
  unexcused: "UNEXCUSED",
  "vang khong ly do": "UNEXCUSED",
  "vang kld": "UNEXCUSED",
  k: "UNEXCUSED",
};
const KIND_WORDS: Record<string, "REGULAR" | "THEMATIC"> = { regular: "REGULAR", "thuong ky": "REGULAR", "sinh hoat thuong ky": "REGULAR", thematic: "THEMATIC", "chuyen de": "THEMATIC", "sinh hoat chuyen de": "THEMATIC" };
const YES = new Set(["co", "1", "true", "yes", "x"]);
const NO = new Set(["khong", "0", "false", "no"]);

/** "12/11/2026" or "2026-11-12" → "2026-11-12". */
function parseDate(value: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : vn ? [vn[3], vn[2].padStart(2, "0"), vn[1].padStart(2, "0")] : [];
  if (!y) return null;
  const text = `${y}-${m}-${d}`;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && isoDate(date) === text ? text : null;
}

const RowSchema = z
  .object({
    branchCode: z.string({ message: "Thiếu mã chi bộ." }).trim().min(1, "Thiếu mã chi bộ.").max(50, "Mã chi bộ quá dài."),
    period: PeriodSchema,
    kind: z.string().optional(),
    heldOn: z.string({ message: "Thiếu ngày họp." }),
    memberCode: z.string({ message: "Thiếu mã đảng viên." }).trim().min(1, "Thiếu mã đảng viên.").max(50, "Mã đảng viên quá dài."),
    status: z.string({ message: "Thiếu trạng thái điểm danh." }),
    reason: z.string().trim().max(300, "Lý do dài tối đa 300 ký tự.").optional(),
    usedHandbook: z.string().optional(),
  })
  .transform((row, context) => {
    const status = STATUS_WORDS[foldHeader(row.status)];
    if (!status) context.addIssue({ code: "custom", path: ["status"], message: `Điểm danh "${row.status}" không hiểu được: ghi Có mặt, Vắng có lý do hoặc Vắng không lý do.` });
    const kind = row.kind ? KIND_WORDS[foldHeader(row.kind)] : "REGULAR";
    if (!kind) context.addIssue({ code: "custom", path: ["kind"], message: `Loại sinh hoạt "${row.kind}" không hiểu được: ghi Thường kỳ hoặc Chuyên đề.` });
    const heldOn = parseDate(row.heldOn.trim());
    if (!heldOn) context.addIssue({ code: "custom", path: ["heldOn"], message: `Ngày họp "${row.heldOn}" không đúng: ghi dd/mm/yyyy hoặc yyyy-mm-dd.` });
    const handbook = row.usedHandbook ? foldHeader(row.usedHandbook) : "";
    if (handbook && !YES.has(handbook) && !NO.has(handbook)) context.addIssue({ code: "custom", path: ["usedHandbook"], message: "Dùng Sổ tay: ghi Có hoặc Không." });
    if (status === "EXCUSED" && !row.reason) context.addIssue({ code: "custom", path: ["reason"], message: "Vắng có lý do: cần ghi lý do." });
    return {
      branchCode: row.branchCode,
      period: row.period,
      kind: kind ?? "REGULAR",
      heldOn: heldOn ?? "",
      memberCode: row.memberCode,
      status: status ?? "PRESENT",
      reason: status === "PRESENT" ? null : row.reason || null,
      usedHandbook: handbook ? YES.has(handbook) : null,
    };
  });

type Row = z.infer<typeof RowSchema>;
type Resolved = { branchId: number; period: string; kind: "REGULAR" | "THEMATIC"; heldOn: string; usedHandbook: boolean | null; memberId: number; status: Row["status"]; reason: string | null };

async function resolve(actor: Parameters<ImportDefinition<Row, Resolved>["resolve"]>[0], rows: { row: number; value: Row }[]) {
  const today = todayIso();
  const branchCodes = [...new Set(rows.map((r) => r.value.branchCode))];
  const memberCodes = [...new Set(rows.map((r) => r.value.memberCode))];
  const [branches, members, editDays] = await Promise.all([
    db().orgUnit.findMany({ where: { code: { in: branchCodes } }, select: { id: true, code: true, path: true, level: true } }),
    db().member.findMany({ where: { code: { in: memberCodes } }, select: { id: true, code: true, branchId: true, status: true, fullName: true } }),
    getSetting(EDIT_DAYS_AFTER_PERIOD),
  ]);
  const branchByCode = new Map(branches.filter((b) => b.level === "BRANCH" && inScope(actor, b.path)).map((b) => [b.code, b]));
  const memberByCode = new Map(members.map((m) => [m.code, m]));
  const reopenings = await db().meetingReopening.findMany({
    where: { branchId: { in: [...branchByCode.values()].map((b) => b.id) }, period: { in: [...new Set(rows.map((r) => r.value.period))] } },
    select: { branchId: true, period: true, openUntil: true },
  });
  const reopenedUntil = new Map<string, string>();
  for (const r of reopenings) {
    const key = `${r.branchId}|${r.period}`;
    if ((reopenedUntil.get(key) ?? "") < isoDate(r.openUntil)) reopenedUntil.set(key, isoDate(r.openUntil));
  }
  const accepted: { row: number; value: Resolved }[] = [];
  const errors: ImportError[] = [];
  const firstOfMeeting = new Map<string, { row: number; heldOn: string }>();
  const seenMember = new Map<string, number>();
  for (const { row, value } of rows) {
    const fail = (field: string, message: string) => errors.push({ row, field, message });
    const branch = branchByCode.get(value.branchCode);
    if (!branch) {
      fail("branchCode", `Không có chi bộ ${value.branchCode} trong phạm vi của bạn.`);
      continue;
    }
    const member = memberByCode.get(value.memberCode);
    if (!member || member.branchId !== branch.id) {
      fail("memberCode", `Đảng viên ${value.memberCode} không thuộc chi bộ ${value.branchCode}.`);
      continue;
    }
    if (member.status === "EXEMPT") {
      fail("memberCode", `${member.fullName} (${member.code}) được miễn sinh hoạt: không điểm danh.`);
      continue;
    }
    const window = editingWindow({ period: value.period, editDays, reopenedUntil: reopenedUntil.get(`${branch.id}|${value.period}`), today });
    if (!isEditable(window)) {
      fail("period", window.state === "FUTURE" ? `${formatPeriod(value.period)} chưa bắt đầu.` : `${formatPeriod(value.period)} của chi bộ ${branch.code} đã khóa sổ từ ${formatDate(window.state === "LOCKED" ? window.since : today)}; cần Ban Tổ chức mở lại.`);
      continue;
    }
    if (value.heldOn > today) {
      fail("heldOn", "Ngày họp không được sau ngày hôm nay.");
      continue;
    }
    if (value.heldOn < addDays(`${value.period}-01`, -31) || value.heldOn > addDays(periodEnd(value.period), 31)) {
      fail("heldOn", `Ngày họp ${formatDate(value.heldOn)} cách ${formatPeriod(value.period)} quá xa.`);
      continue;
    }
    const meetingKey = `${branch.id}|${value.period}|${value.kind}`;
    const first = firstOfMeeting.get(meetingKey);
    if (first && first.heldOn !== value.heldOn) {
      fail("heldOn", `Ngày họp khác với dòng ${first.row} của cùng cuộc họp (${formatDate(first.heldOn)}).`);
      continue;
    }
    const duplicate = seenMember.get(`${meetingKey}|${member.id}`);
    if (duplicate) {
      fail("memberCode", `Đảng viên ${member.code} đã được điểm danh ở dòng ${duplicate} cho cùng cuộc họp.`);
      continue;
    }
    if (!first) firstOfMeeting.set(meetingKey, { row, heldOn: value.heldOn });
    seenMember.set(`${meetingKey}|${member.id}`, row);
    accepted.push({ row, value: { branchId: branch.id, period: value.period, kind: value.kind, heldOn: value.heldOn, usedHandbook: value.usedHandbook, memberId: member.id, status: value.status, reason: value.reason } });
  }
  return { accepted, errors };
}

/**
 * Writes attendance rows: creates the meeting when it does not exist yet (its
 * date from the first row), replaces the listed members' attendance, then
 * recounts each meeting touched. One audit event per meeting, plus the
 * runner's event for the whole file.
 */
async function write(tx: Tx, actor: Parameters<ImportDefinition<Row, Resolved>["write"]>[1], rows: Resolved[]) {
  const meetings = new Map<string, Resolved>();
  for (const row of rows) if (!meetings.has(`${row.branchId}|${row.period}|${row.kind}`)) meetings.set(`${row.branchId}|${row.period}|${row.kind}`, row);
  const list = [...meetings.values()];
  const upserted = await tx.$queryRaw<{ id: number; branchId: number; period: string; kind: string; inserted: boolean }[]>`
    INSERT INTO "Meeting" ("branchId", period, kind, "heldOn", "usedHandbook", "recordedByLabel", "updatedAt")
    SELECT b, p, k::"MeetingKind", h::date, coalesce(u, false), ${actor.label}, now()
    FROM unnest(${list.map((m) => m.branchId)}::int[], ${list.map((m) => m.period)}::text[], ${list.map((m) => m.kind)}::text[], ${list.map((m) => m.heldOn)}::text[], ${list.map((m) => m.usedHandbook)}::boolean[]) AS t(b, p, k, h, u)
    ON CONFLICT ("branchId", period, kind) DO UPDATE
      SET "heldOn" = EXCLUDED."heldOn", "versionNo" = "Meeting"."versionNo" + 1, "recordedByLabel" = EXCLUDED."recordedByLabel", "updatedAt" = now()
    RETURNING id, "branchId", period, kind::text AS kind, (xmax = 0) AS inserted`;
  // "Dùng Sổ tay" left empty keeps what an existing meeting says.
  const handbookKeys = list.filter((m) => m.usedHandbook !== null);
  if (handbookKeys.length) {
    await tx.$executeRaw`
      UPDATE "Meeting" m SET "usedHandbook" = t.u
      FROM unnest(${handbookKeys.map((m) => m.branchId)}::int[], ${handbookKeys.map((m) => m.period)}::text[], ${handbookKeys.map((m) => m.kind)}::text[], ${handbookKeys.map((m) => m.usedHandbook)}::boolean[]) AS t(b, p, k, u)
      WHERE m."branchId" = t.b AND m.period = t.p AND m.kind = t.k::"MeetingKind"`;
  }
  const meetingIdByKey = new Map(upserted.map((m) => [`${m.branchId}|${m.period}|${m.kind}`, m.id]));
  const chunk = 50_000;
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    await tx.$executeRaw`
      INSERT INTO "Attendance" ("meetingId", "memberId", status, reason)
      SELECT m, p, s::"AttendanceStatus", r
      FROM unnest(${part.map((r) => meetingIdByKey.get(`${r.branchId}|${r.period}|${r.kind}`)!)}::int[], ${part.map((r) => r.memberId)}::int[], ${part.map((r) => r.status)}::text[], ${part.map((r) => r.reason)}::text[]) AS t(m, p, s, r)
      ON CONFLICT ("meetingId", "memberId") DO UPDATE SET status = EXCLUDED.status, reason = EXCLUDED.reason`;
  }
  const ids = upserted.map((m) => m.id);
  await tx.$executeRaw`
    UPDATE "Meeting" m SET
      "expectedCount" = c.present + c.excused + c.unexcused, "presentCount" = c.present, "excusedCount" = c.excused, "unexcusedCount" = c.unexcused,
      "exemptCount" = (SELECT count(*) FROM "Member" x WHERE x."branchId" = m."branchId" AND x.status = 'EXEMPT')
    FROM (
      SELECT a."meetingId",
        count(*) FILTER (WHERE a.status = 'PRESENT')::int AS present,
        count(*) FILTER (WHERE a.status = 'EXCUSED')::int AS excused,
        count(*) FILTER (WHERE a.status = 'UNEXCUSED')::int AS unexcused
      FROM "Attendance" a WHERE a."meetingId" = ANY(${ids}::int[]) GROUP BY a."meetingId"
    ) c
    WHERE m.id = c."meetingId"`;
  for (const meeting of upserted) {
    await recordAuditEvent(tx, actor, {
      action: meeting.inserted ? "meeting.recorded" : "meeting.updated",
      entityType: "Meeting",
      entityId: meeting.id,
      orgUnitId: meeting.branchId,
      details: { period: meeting.period, kind: meeting.kind, via: "import", rows: rows.filter((r) => meetingIdByKey.get(`${r.branchId}|${r.period}|${r.kind}`) === meeting.id).length },
    });
  }
  await refreshMeetingStatsAfterWrite(tx, upserted.map((meeting) => ({ branchId: meeting.branchId, period: meeting.period })), { buildNewMonths: true });
}

export const ATTENDANCE_IMPORT: ImportDefinition<Row, Resolved> = {
  kind: "attendance",
  label: "Điểm danh sinh hoạt chi bộ",
  description:
    "Mỗi dòng là một đảng viên ở một cuộc họp. Cuộc họp chưa có thì được tạo (ngày họp lấy theo dòng đầu tiên); điểm danh của đảng viên có trong tệp được ghi đè, người không có trong tệp giữ nguyên. " +
    "Nên ghi đủ mọi đảng viên phải dự; đảng viên miễn sinh hoạt không điểm danh. Kỳ đã khóa sổ cần Ban Tổ chức mở lại trước.",
  permission: "import.run",
  columns: [
    { field: "branchCode", header: "Mã chi bộ", description: "Mã chi bộ trong hệ thống", example: "LB-BD-05" },
    { field: "period", header: "Kỳ", aliases: ["Tháng", "period"], description: "Tháng của cuộc họp, dạng YYYY-MM", example: "2026-11" },
    { field: "kind", header: "Loại sinh hoạt", aliases: ["kind"], description: "Thường kỳ (mặc định) hoặc Chuyên đề", example: "Thường kỳ", required: false },
    { field: "heldOn", header: "Ngày họp", aliases: ["heldOn"], description: "dd/mm/yyyy hoặc yyyy-mm-dd", example: "12/11/2026" },
    { field: "memberCode", header: "Mã đảng viên", aliases: ["memberCode"], description: "Mã đảng viên trong hệ thống", example: "LB-BD-05-001" },
    { field: "status", header: "Điểm danh", aliases: ["Trạng thái", "status"], description: "Có mặt, Vắng có lý do hoặc Vắng không lý do", example: "Có mặt" },
    { field: "reason", header: "Lý do", aliases: ["reason"], description: "Bắt buộc khi vắng có lý do", example: "", required: false },
    { field: "usedHandbook", header: "Dùng Sổ tay", aliases: ["Dùng Sổ tay điện tử", "usedHandbook"], description: "Cuộc họp có dùng Sổ tay đảng viên điện tử: Có hoặc Không", example: "Có", required: false },
  ],
  rowSchema: RowSchema as unknown as z.ZodType<Row>,
  resolve,
  write,
};
