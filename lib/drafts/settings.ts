import { z } from "zod";
import { defineSetting } from "@/lib/settings/define";

// Deadlines and thresholds of the review an administrator can change (/admin/settings).

export const SUBMISSION_DEADLINE_DAY = defineSetting({
  key: "drafts.submissionDeadlineDay",
  label: "Hạn nộp dự thảo nghị quyết (ngày của tháng trước kỳ)",
  description: "Dự thảo nghị quyết tháng N phải nộp trước hết ngày này của tháng N−1 (giờ Hà Nội). Nộp sau là nộp muộn; quá hạn chưa nộp là thiếu.",
  input: "integer",
  schema: z.coerce.number({ message: "Nhập một ngày từ 1 đến 28." }).int("Nhập một ngày từ 1 đến 28.").min(1, "Nhập một ngày từ 1 đến 28.").max(28, "Nhập một ngày từ 1 đến 28."),
  defaultValue: 25,
});

export const FEEDBACK_ACK_DAYS = defineSetting({
  key: "drafts.feedbackAckDays",
  label: "Số ngày Đảng ủy phường phải xác nhận phản hồi",
  description: "Phản hồi yêu cầu chỉnh sửa chưa được Đảng ủy phường xác nhận sau số ngày này được Ban Tổ chức xem là quá hạn.",
  input: "integer",
  schema: z.coerce.number({ message: "Nhập số ngày từ 1 đến 30." }).int("Nhập số ngày từ 1 đến 30.").min(1, "Nhập số ngày từ 1 đến 30.").max(30, "Nhập số ngày từ 1 đến 30."),
  defaultValue: 2,
});

export const RESUBMIT_DAYS = defineSetting({
  key: "drafts.resubmitDays",
  label: "Số ngày chi bộ phải nộp lại dự thảo sau khi bị yêu cầu chỉnh sửa",
  description: "Hạn nộp lại là hết ngày thứ N sau ngày Ban Tổ chức yêu cầu chỉnh sửa (giờ Hà Nội). Bí thư chi bộ thấy hạn này; nộp lại sau hạn là nộp lại muộn, chưa nộp khi đã qua hạn là quá hạn nộp lại.",
  input: "integer",
  schema: z.coerce.number({ message: "Nhập số ngày từ 1 đến 30." }).int("Nhập số ngày từ 1 đến 30.").min(1, "Nhập số ngày từ 1 đến 30.").max(30, "Nhập số ngày từ 1 đến 30."),
  defaultValue: 3,
});

export const TEMPLATE_COPY_PERCENT = defineSetting({
  key: "drafts.templateCopyPercent",
  label: "Ngưỡng giống dự thảo khác để đề xuất “sao chép mẫu” (%)",
  description: "Khi phần nội dung riêng (đã trừ thể thức bắt buộc) giống một dự thảo khác cùng kỳ từ mức này trở lên, máy đề xuất gắn cờ; người xem xét quyết định.",
  input: "integer",
  schema: z.coerce.number({ message: "Nhập phần trăm từ 20 đến 100." }).int().min(20, "Nhập phần trăm từ 20 đến 100.").max(100, "Nhập phần trăm từ 20 đến 100."),
  defaultValue: 50,
});

export const PREVIOUS_COPY_PERCENT = defineSetting({
  key: "drafts.previousCopyPercent",
  label: "Ngưỡng giống dự thảo tháng trước để đề xuất “sao chép tháng trước” (%)",
  description: "So với dự thảo kỳ trước của chính chi bộ.",
  input: "integer",
  schema: z.coerce.number({ message: "Nhập phần trăm từ 20 đến 100." }).int().min(20, "Nhập phần trăm từ 20 đến 100.").max(100, "Nhập phần trăm từ 20 đến 100."),
  defaultValue: 70,
});

/** The copy thresholds as the analyzer compares scores with them (0–1), from the two settings' percentages. */
export function copyThresholds(templateCopyPercent: number, previousCopyPercent: number) {
  return { templateCopy: templateCopyPercent / 100, previousCopy: previousCopyPercent / 100 };
}

export const DRAFT_SETTINGS = [SUBMISSION_DEADLINE_DAY, FEEDBACK_ACK_DAYS, RESUBMIT_DAYS, TEMPLATE_COPY_PERCENT, PREVIOUS_COPY_PERCENT];
