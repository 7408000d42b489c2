import type { z } from "zod";

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
