import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { findUnitInScope, getScopeRoot } from "@/lib/org/org-units";
import { parseInput } from "@/lib/validation/parse";
import type { OrgLevel } from "@/lib/generated/prisma/enums";

/**
 * The issuing body of a unit's documents: what the header, the number's symbol
 * and the signature block say. One setting per unit (AppSetting key
 * "documents.issuer:<unitId>"); without one, defaults derived from the unit's name.
 */
const IssuerSettingsSchema = z.object({
  superiorName: z.string().trim().max(120, "Tối đa 120 ký tự."),
  bodyName: z.string().trim().min(1, "Nhập tên cơ quan ban hành.").max(120, "Tối đa 120 ký tự."),
  symbol: z
    .string()
    .trim()
    .min(1, "Nhập ký hiệu cơ quan ban hành.")
    .max(20, "Tối đa 20 ký tự.")
    .regex(/^[\p{Lu}\p{N}]+$/u, "Ký hiệu chỉ gồm chữ in hoa và số, ví dụ BTCQU."),
  place: z.string().trim().min(1, "Nhập địa danh.").max(60, "Tối đa 60 ký tự."),
  signerCapacity: z.string().trim().max(60, "Tối đa 60 ký tự."),
  signerTitle: z.string().trim().min(1, "Nhập chức vụ người ký.").max(60, "Tối đa 60 ký tự."),
  signerName: z.string().trim().max(80, "Tối đa 80 ký tự."),
  recipients: z.array(z.string().trim().min(1).max(120)).max(10, "Tối đa 10 nơi nhận."),
});

export type IssuerSettings = z.infer<typeof IssuerSettingsSchema>;

type UnitForIssuer = { id: number; name: string; level: OrgLevel; parentName: string | null };

const PREFIXES = /^(Thành phố|Tỉnh|Quận|Huyện|Thị xã|Phường|Xã|Thị trấn|Chi bộ)\s+/iu;

function upper(text: string): string {
  return text.toLocaleUpperCase("vi-VN");
}

/** "Quận Long Biên" → "Long Biên". */
function placeOf(unitName: string): string {
  return unitName.replace(PREFIXES, "").trim() || unitName;
}

/** What a unit issues under when nobody set it: the usual names of its committee or board. */
function defaultIssuerSettings(unit: UnitForIssuer): IssuerSettings {
  const place = placeOf(unit.name);
  const parent = unit.parentName ?? "";
  switch (unit.level) {
    case "CITY":
      return { superiorName: `THÀNH ỦY ${upper(place)}`, bodyName: "BAN TỔ CHỨC", symbol: "BTCTU", place, signerCapacity: "", signerTitle: "TRƯỞNG BAN", signerName: "", recipients: ["Thường trực Thành ủy (để báo cáo)", "Lưu Văn phòng"] };
    case "DISTRICT":
      return { superiorName: `QUẬN ỦY ${upper(place)}`, bodyName: "BAN TỔ CHỨC", symbol: "BTCQU", place, signerCapacity: "", signerTitle: "TRƯỞNG BAN", signerName: "", recipients: ["Thường trực Quận ủy (để báo cáo)", "Lưu Văn phòng"] };
    case "WARD":
      return { superiorName: parent ? `ĐẢNG BỘ ${upper(parent)}` : "", bodyName: `ĐẢNG ỦY ${upper(unit.name)}`, symbol: "ĐU", place, signerCapacity: "T/M ĐẢNG ỦY", signerTitle: "BÍ THƯ", signerName: "", recipients: ["Cấp ủy cấp trên (để báo cáo)", "Lưu Văn phòng Đảng ủy"] };
    case "BRANCH":
      return { superiorName: parent ? `ĐẢNG BỘ ${upper(parent)}` : "", bodyName: upper(unit.name.startsWith("Chi bộ") ? unit.name : `Chi bộ ${unit.name}`), symbol: "CB", place: placeOf(parent || unit.name), signerCapacity: "T/M CHI BỘ", signerTitle: "BÍ THƯ", signerName: "", recipients: ["Đảng ủy phường (để báo cáo)", "Lưu Chi bộ"] };
  }
}

function issuerSettingKey(unitId: number): string {
  return `documents.issuer:${unitId}`;
}

async function unitForIssuer(unitId: number): Promise<UnitForIssuer> {
  const unit = await db().orgUnit.findUniqueOrThrow({ where: { id: unitId }, select: { id: true, name: true, level: true, parent: { select: { name: true } } } });
  return { id: unit.id, name: unit.name, level: unit.level, parentName: unit.parent?.name ?? null };
}

/** A unit's issuer settings (the stored ones, or the defaults). Callers have checked the unit is in scope. */
export async function getIssuerSettings(unitId: number): Promise<IssuerSettings & { unitId: number; stored: boolean }> {
  const [unit, row] = await Promise.all([unitForIssuer(unitId), db().appSetting.findUnique({ where: { key: issuerSettingKey(unitId) } })]);
  const parsed = row ? IssuerSettingsSchema.safeParse(row.value) : null;
  if (parsed?.success) return { ...parsed.data, unitId, stored: true };
  return { ...defaultIssuerSettings(unit), unitId, stored: false };
}

/** The unit an actor issues documents as: the root of their scope (administrators: the top of the tree). */
export async function issuerUnitOf(actor: Actor) {
  return getScopeRoot(actor);
}

/** Those who issue documents set their own unit's issuer (or that of a unit under it). Audited. */
export async function updateIssuerSettings(actor: Actor, unitId: number, raw: unknown): Promise<IssuerSettings> {
  assertCan(actor, "document.issue");
  const unit = await findUnitInScope(actor, unitId, "org.read");
  const value = parseInput(IssuerSettingsSchema, raw, "Thông tin cơ quan ban hành chưa hợp lệ.");
  await db().$transaction(async (tx) => {
    const key = issuerSettingKey(unit.id);
    await tx.appSetting.upsert({ where: { key }, create: { key, value }, update: { value } });
    await recordAuditEvent(tx, actor, { action: "document.issuer.updated", entityType: "AppSetting", entityId: key, orgUnitId: unit.id, details: { value } });
  });
  return value;
}
