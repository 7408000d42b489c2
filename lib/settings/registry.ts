// Settings an administrator can change without a deployment (deadlines,
// thresholds). Feature areas register theirs here; /admin/settings lists them.
import { z } from "zod";

export type SettingDefinition<T = unknown> = {
  key: string;
  label: string;
  description: string;
  /** How the value is edited: a whole number, or a list of whole numbers. */
  input: "integer" | "integer-list";
  schema: z.ZodType<T>;
  defaultValue: T;
};

export function defineSetting<T>(definition: SettingDefinition<T>): SettingDefinition<T> {
  return definition;
}

export const SETTINGS: SettingDefinition<never>[] = [];

export function registerSetting<T>(definition: SettingDefinition<T>): SettingDefinition<T> {
  if (!SETTINGS.some((setting) => setting.key === definition.key)) SETTINGS.push(definition as SettingDefinition<never>);
  return definition;
}
