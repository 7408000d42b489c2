// Inputs of restructuring, shared by the admin form and the API.
// One dated event per request; the effective date is the first day of a month
// because every report is monthly (a period never straddles two trees).
import { z } from "zod";
import { recordIdParam } from "@/lib/validation/page-params";

const Id = (what: string) =>
  z.coerce.number({ message: `${what} phải là số.` }).int(`${what} phải là số nguyên.`).positive(`${what} phải là số dương.`).max(2_147_483_647, `${what} không hợp lệ.`);

const EffectiveDateSchema = z
  .string({ message: "Nhập ngày hiệu lực dạng YYYY-MM-DD." })
  .regex(/^\d{4}-\d{2}-01$/, "Ngày hiệu lực phải là ngày đầu tháng (YYYY-MM-01), vì mọi báo cáo tính theo tháng.")
  .refine((value) => !Number.isNaN(new Date(`${value}T00:00:00Z`).getTime()), "Ngày hiệu lực không có thật trên lịch.")
  .refine((value) => value >= "2000-01-01" && value <= "2100-12-01", "Ngày hiệu lực nằm ngoài khoảng cho phép.");

const UnitName = z.string({ message: "Nhập tên đơn vị." }).trim().min(3, "Tên đơn vị cần ít nhất 3 ký tự.").max(200, "Tên đơn vị dài tối đa 200 ký tự.");
const UnitCode = z
  .string({ message: "Nhập mã đơn vị." })
  .trim()
  .min(1, "Nhập mã đơn vị.")
  .max(40, "Mã đơn vị dài tối đa 40 ký tự.")
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "Mã đơn vị chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới.");

/** What happens to the accounts whose scope root is a unit that closes: move them to the successor, or disable them. */
const UsersPolicySchema = z.enum(["MOVE", "DISABLE"], { message: "Tài khoản của đơn vị bị hợp nhất: MOVE (chuyển sang đơn vị mới) hoặc DISABLE (khóa)." });

const base = { effectiveDate: EffectiveDateSchema, note: z.string({ message: "Ghi chú phải là chữ." }).trim().max(500, "Ghi chú dài tối đa 500 ký tự.").optional() };

const MergeSchema = z.object({
  type: z.literal("MERGE"),
  ...base,
  sourceIds: z.array(Id("sourceIds"), { message: "Chọn các đơn vị cần hợp nhất." }).min(1, "Chọn ít nhất một đơn vị cần hợp nhất.").max(200, "Tối đa 200 đơn vị mỗi lần."),
  target: z.union(
    [
      z.object({ id: Id("target.id") }).strict(),
      z.object({ name: UnitName, code: UnitCode, parentId: Id("target.parentId").optional() }).strict(),
    ],
    { message: "Đơn vị nhận: { id } của đơn vị có sẵn hoặc { name, code } của đơn vị mới." },
  ),
  users: UsersPolicySchema.default("MOVE"),
});

const SplitSchema = z.object({
  type: z.literal("SPLIT"),
  ...base,
  sourceId: Id("sourceId"),
  targets: z
    .array(z.object({ name: UnitName, code: UnitCode, childIds: z.array(Id("childIds"), { message: "Chọn các đơn vị trực thuộc chuyển sang." }).max(5000) }), { message: "Nhập các đơn vị mới." })
    .min(2, "Chia tách cần ít nhất 2 đơn vị mới.")
    .max(20, "Tối đa 20 đơn vị mới."),
  users: UsersPolicySchema.default("MOVE"),
  /** Which target receives the accounts of the split unit when `users` is MOVE (index in `targets`). */
  usersTarget: z.coerce.number({ message: "usersTarget phải là số." }).int().min(0, "usersTarget không hợp lệ.").default(0),
});

const MoveSchema = z.object({ type: z.literal("MOVE"), ...base, unitId: Id("unitId"), newParentId: Id("newParentId") });

const RenameSchema = z.object({ type: z.literal("RENAME"), ...base, unitId: Id("unitId"), name: UnitName, code: UnitCode.optional() });

/** Accounts of a closed unit are disabled by default; MOVE takes them up to its parent where their role allows. */
const CloseSchema = z.object({ type: z.literal("CLOSE"), ...base, unitId: Id("unitId"), users: UsersPolicySchema.default("DISABLE") });

export const RestructureSchema = z.discriminatedUnion("type", [MergeSchema, SplitSchema, MoveSchema, RenameSchema, CloseSchema], {
  message: "type phải là MERGE, SPLIT, MOVE, RENAME hoặc CLOSE.",
});

export type RestructureInput = z.infer<typeof RestructureSchema>;

export const RestructureQuerySchema = z.object({ preview: z.enum(["0", "1", "true", "false"], { message: "preview là 1 hoặc 0." }).optional() });

/** `tree=current`: a past period rolled up under today's tree; by default (`as-of`) under the tree as it was then. */
export const TreeQuerySchema = z.object({
  tree: z.enum(["as-of", "current"], { message: "tree là as-of (cây lúc đó, mặc định) hoặc current (cây hiện nay)." }).optional(),
});

export function treeModeOf(tree: "as-of" | "current" | undefined): "as-of-period" | "current" {
  return tree === "current" ? "current" : "as-of-period";
}

export const RESTRUCTURE_TYPES = ["MERGE", "SPLIT", "MOVE", "RENAME", "CLOSE"] as const;

/** /admin/restructure: the kind of change being prepared, and the unit whose children it picks from. */
export const RestructurePageParams = z.object({
  type: z.enum(RESTRUCTURE_TYPES).default("MERGE"),
  within: recordIdParam.optional(),
});
