import "server-only";
import type { ImportDefinition, ImportError } from "@/lib/imports/run-import";
import { UsageImportRowSchema, type UsageImportRow } from "./schemas";
import { branchInForceOn, findBranchesByCode } from "./find-branches-by-code";
import { recordUsageSnapshots, type UsageSnapshotInput } from "./record-usage-snapshots";

/**
 * CSV of handbook usage per branch and date (docs/imports.md, kind "usage").
 * A later line for the same branch and date is refused (the file would
 * contradict itself); the same file imported twice changes nothing.
 */
export const usageImport: ImportDefinition<UsageImportRow, UsageSnapshotInput> = {
  kind: "usage",
  label: "Số liệu sử dụng Sổ tay điện tử",
  description:
    "Mỗi dòng là số liệu của một chi bộ tính đến một ngày: trong tháng của ngày đó chi bộ có dùng Sổ tay trong sinh hoạt không, đã đăng bao nhiêu tin bài, văn bản. " +
    "Nhập lại cùng chi bộ và ngày thì số liệu mới thay số liệu cũ; số liệu của tháng là dòng có ngày muộn nhất trong tháng.",
  permission: "stats.push",
  columns: [
    { field: "branchCode", header: "Mã chi bộ", aliases: ["branchCode", "ma cb"], description: "Mã chi bộ như trong trang Tổ chức đảng", example: "LB-BD-05" },
    { field: "date", header: "Ngày số liệu", aliases: ["date", "ngay"], description: "Số liệu tính đến ngày này (YYYY-MM-DD hoặc dd/MM/yyyy), không ở tương lai, trong 60 tháng gần nhất", example: "2026-11-26" },
    { field: "usedInMeetings", header: "Dùng trong sinh hoạt", aliases: ["usedInMeetings", "su dung trong sinh hoat"], description: "Có / Không: trong tháng, chi bộ có dùng Sổ tay điện tử khi sinh hoạt", example: "Có" },
    { field: "newsPosts", header: "Số tin bài", aliases: ["newsPosts", "tin bai"], description: "Tin bài chi bộ đã đăng trên Sổ tay trong tháng (số nguyên, để trống là 0)", example: "2", required: false },
    { field: "documents", header: "Số văn bản", aliases: ["documents", "van ban"], description: "Văn bản chi bộ đã đăng trên Sổ tay trong tháng (số nguyên, để trống là 0)", example: "1", required: false },
  ],
  rowSchema: UsageImportRowSchema,
  async resolve(actor, rows, run) {
    const seen = run.state;
    const branches = await findBranchesByCode(actor, rows.map(({ value }) => value.branchCode));
    const accepted: { row: number; value: UsageSnapshotInput }[] = [];
    const errors: ImportError[] = [];
    for (const { row, value } of rows) {
      const branch = branches.get(value.branchCode);
      if (!branch) {
        errors.push({ row, field: "branchCode", message: `Không có chi bộ mã ${value.branchCode} trong phạm vi của bạn.` });
        continue;
      }
      if (!branchInForceOn(branch, value.date)) {
        errors.push({ row, field: "date", message: `Chi bộ ${value.branchCode} không hoạt động vào ngày ${value.date}.` });
        continue;
      }
      const key = `usage:${branch.id}:${value.date}`;
      const first = seen.get(key);
      if (first !== undefined) {
        errors.push({ row, field: "date", message: `Trùng chi bộ ${value.branchCode} và ngày ${value.date} với dòng ${first}.` });
        continue;
      }
      seen.set(key, row);
      accepted.push({ row, value: { branchId: branch.id, date: value.date, usedInMeetings: value.usedInMeetings, newsPosts: value.newsPosts, documents: value.documents } });
    }
    return { accepted, errors };
  },
  async write(tx, _actor, rows) {
    await recordUsageSnapshots(tx, rows, "import");
  },
};
