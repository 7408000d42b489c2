// Inputs of the notifications API (app/api/v1/notifications) and page.
import { z } from "zod";
import { lenientPageParam, pageParam } from "@/lib/validation/pagination";

export const NotificationsQuerySchema = z.object({
  page: pageParam,
  unread: z.preprocess((value) => value === "1" || value === "true", z.boolean()).default(false),
});

export const MarkReadSchema = z
  .object({ ids: z.array(z.number({ message: "ids là danh sách số." }).int().positive()).max(500).optional(), all: z.boolean().optional() })
  .refine((body) => body.all || (body.ids && body.ids.length), { message: "Gửi ids hoặc all: true." });

/** /notifications: which page of the list. */
export const NotificationsPageParams = z.object({ page: lenientPageParam });
