// The one page/pageSize pair of list queries (API and pages): page from 1,
// pageSize from 1 to 500, each area picking its default page size.
import { z } from "zod";

export const pageParam = z.coerce.number({ message: "page phải là số nguyên dương." }).int("page phải là số nguyên dương.").min(1, "page phải là số nguyên dương.").max(100_000).default(1);

export function pageSizeParam(defaultSize: number) {
  return z.coerce.number({ message: "pageSize phải là số từ 1 đến 500." }).int().min(1, "pageSize phải là số từ 1 đến 500.").max(500, "pageSize tối đa là 500.").default(defaultSize);
}

export const PaginationSchema = z.object({ page: pageParam, pageSize: pageSizeParam(50) });

/** For pages: a bad page number in the URL shows page 1 instead of an error. */
export const lenientPageParam = z.coerce.number().int().min(1).max(100_000).catch(1).default(1);
