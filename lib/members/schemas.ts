import type { Gender, MemberStatus } from "@/lib/generated/prisma/enums";
import type { ImportError } from "@/lib/imports/run-import";

// Words of the member file (docs/imports.md, kind "members"), keyed as
// foldHeader() folds a cell ("Đã chuyển đi" → "da chuyen di"). The rules
// themselves run in SQL (check-member-rows.ts); this file holds the words and
// the Vietnamese message of each problem the check reports.

export const STATUS_WORDS: Record<string, MemberStatus> = {
  "dang sinh hoat": "ACTIVE",
  "sinh hoat": "ACTIVE",
  active: "ACTIVE",
  "mien sinh hoat": "EXEMPT",
  mien: "EXEMPT",
  exempt: "EXEMPT",
  "da chuyen di": "TRANSFERRED_OUT",
  "chuyen di": "TRANSFERRED_OUT",
  "chuyen sinh hoat di": "TRANSFERRED_OUT",
  "transferred out": "TRANSFERRED_OUT",
  "da tu tran": "DECEASED",
  "tu tran": "DECEASED",
  deceased: "DECEASED",
};

export const GENDER_WORDS: Record<string, Gender> = { nam: "MALE", male: "MALE", m: "MALE", nu: "FEMALE", female: "FEMALE", f: "FEMALE" };

function isCurrentStatus(status: MemberStatus): boolean {
  return status === "ACTIVE" || status === "EXEMPT";
}

type Field = "code" | "branchCode" | "fullName" | "status" | "eligibleForHandbook" | "handbookInstalledAt" | "gender" | "birthYear" | "joinedBranchOn" | "leftBranchOn";

/** What the SQL check says of one refused row: a problem code per field, the cells as written, and the values the later rules need. */
export type MemberRowProblem = {
  row: number;
  code: string | null;
  branchCode: string | null;
  status: MemberStatus | null;
  joined: string | null;
  leftOn: string | null;
  installed: string | null;
  duplicateOf: number | null;
  formatOk: boolean;
  branchOk: boolean;
} & { [F in Field as `${F}_problem`]: string | null } & { [F in Field as `${F}_raw`]?: string | null };

const DATE_LABELS = { handbookInstalledAt: "ngày cài Sổ tay", joinedBranchOn: "ngày vào chi bộ", leftBranchOn: "ngày rời chi bộ" } as const;
const DATE_OF = { handbookInstalledAt: "installed", joinedBranchOn: "joined", leftBranchOn: "leftOn" } as const;

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function cellMessage(field: Field, problem: string, row: MemberRowProblem): string {
  const raw = row[`${field}_raw`] ?? "";
  switch (field) {
    case "code":
      return problem === "missing" ? "Nhập mã đảng viên." : "Mã đảng viên gồm chữ không dấu, số và - . _ /, tối đa 40 ký tự.";
    case "branchCode":
      return problem === "missing" ? "Nhập mã chi bộ." : "Mã chi bộ dài tối đa 40 ký tự.";
    case "fullName":
      return problem === "missing" ? "Nhập họ và tên." : problem === "short" ? "Họ và tên quá ngắn." : "Họ và tên dài tối đa 120 ký tự.";
    case "status":
      return `Trạng thái "${raw}" không hợp lệ: ghi Đang sinh hoạt, Miễn sinh hoạt, Đã chuyển đi hoặc Đã từ trần.`;
    case "eligibleForHandbook":
      return `Cột thuộc diện cài Sổ tay: "${raw}" không hiểu được, ghi "có" hoặc "không".`;
    case "gender":
      return `Giới tính "${raw}" không hợp lệ: ghi Nam hoặc Nữ.`;
    case "birthYear":
      return problem === "format" ? `Năm sinh phải là số nguyên không âm (nhận "${raw}").` : problem === "max" ? `Năm sinh tối đa ${(9999).toLocaleString("vi-VN")}.` : "Năm sinh không hợp lệ.";
    default: {
      const label = capitalize(DATE_LABELS[field]);
      return problem === "future" ? `${label} ${row[DATE_OF[field]]} ở tương lai.` : `${label} "${raw}" không đúng dạng ngày (YYYY-MM-DD hoặc dd/MM/yyyy).`;
    }
  }
}

const FIELDS: Field[] = ["code", "branchCode", "fullName", "status", "eligibleForHandbook", "handbookInstalledAt", "gender", "birthYear", "joinedBranchOn", "leftBranchOn"];

/**
 * The errors of one refused row, in the order the file's rules apply: the
 * cells (in column order), then the rules across cells, then the branch, then
 * a code repeated from an earlier row.
 */
export function memberRowMessage(row: MemberRowProblem): ImportError[] {
  const errors: ImportError[] = [];
  for (const field of FIELDS) {
    const problem = row[`${field}_problem`];
    if (problem) errors.push({ row: row.row, field, message: cellMessage(field, problem, row) });
  }
  if (errors.length) return errors;
  if (row.leftOn && row.status && isCurrentStatus(row.status)) {
    errors.push({ row: row.row, field: "leftBranchOn", message: "Đảng viên đang sinh hoạt hoặc miễn sinh hoạt thì không có ngày rời chi bộ." });
  }
  if (row.leftOn && row.joined && row.leftOn < row.joined) errors.push({ row: row.row, field: "leftBranchOn", message: "Ngày rời chi bộ trước ngày vào chi bộ." });
  if (errors.length) return errors;
  if (!row.branchOk) return [{ row: row.row, field: "branchCode", message: `Không có chi bộ mã ${row.branchCode} đang hoạt động trong phạm vi của bạn.` }];
  if (row.duplicateOf) return [{ row: row.row, field: "code", message: `Trùng mã đảng viên ${row.code} với dòng ${row.duplicateOf}.` }];
  return errors;
}
