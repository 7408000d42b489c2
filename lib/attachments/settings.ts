import { z } from "zod";
import { defineSetting } from "@/lib/settings/define";

export const ATTACHMENT_MAX_MB = defineSetting({
  key: "attachments.maxMegabytes",
  label: "Dung lượng tối đa của tệp đính kèm (MB)",
  description: "Bản quét nghị quyết đã ký, biên bản, tài liệu gửi trước cuộc họp: tệp lớn hơn bị từ chối.",
  input: "integer",
  schema: z.coerce.number({ message: "Nhập số MB từ 1 đến 100." }).int("Nhập số MB từ 1 đến 100.").min(1, "Nhập số MB từ 1 đến 100.").max(100, "Nhập số MB từ 1 đến 100."),
  defaultValue: 20,
});
