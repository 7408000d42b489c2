// Inputs of the notifications API (app/api/v1/notifications).
import { z } from "zod";

export const NotificationsQuerySchema = z.object({
  page: z.coerce.number({ message: "page phải là số nguyên dương." }).int().min(1, "page phải là số nguyên dương.").default(1),
  unread: z.preprocess((value) => value === "1" || value === "true", z.boolean()).default(false),
});

export const MarkReadSchema = z
  .object({ ids: z.array(z.number({ message: "ids là danh sách số." }).int().positive()).max(500).optional(), all: z.boolean().optional() })
  .refine((body) => body.all || (body.ids && body.ids.length), { message: "Gửi ids hoặc all: true." });
