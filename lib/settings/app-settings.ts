import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { SETTINGS, type SettingDefinition } from "./registry";

/** The value of a setting, or its default when nobody changed it. */
export async function getSetting<T>(definition: SettingDefinition<T>): Promise<T> {
  const row = await db().appSetting.findUnique({ where: { key: definition.key } });
  if (!row) return definition.defaultValue;
  const parsed = (definition.schema as z.ZodType<T>).safeParse(row.value);
  return parsed.success ? parsed.data : definition.defaultValue;
}

export async function listSettings(actor: Actor) {
  assertCan(actor, "settings.manage");
  return Promise.all(SETTINGS.map(async (definition) => ({ definition, value: await getSetting(definition) })));
}

/** Administrators change a registered setting; the change is audited. */
export async function updateSetting(actor: Actor, key: string, rawValue: unknown): Promise<void> {
  assertCan(actor, "settings.manage");
  const definition = SETTINGS.find((setting) => setting.key === key);
  if (!definition) throw new NotFoundError("Không có thiết lập này.");
  const value = parseInput(definition.schema, rawValue) as object;
  await db().$transaction(async (tx) => {
    await tx.appSetting.upsert({ where: { key }, create: { key, value }, update: { value } });
    await recordAuditEvent(tx, actor, { action: "setting.updated", entityType: "AppSetting", entityId: key, details: { value: value as never } });
  });
}
