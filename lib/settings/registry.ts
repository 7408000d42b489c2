// Settings an administrator can change without a deployment (deadlines,
// thresholds). Each feature area defines its own with defineSetting() in
// lib/<area>/settings.ts and lists them here; /admin/settings shows them all.
import type { SettingDefinition } from "./define";
import { HANDBOOK_THRESHOLDS } from "@/lib/stats/settings";
import { MEETING_SETTINGS } from "@/lib/meetings/settings";
import { DRAFT_SETTINGS } from "@/lib/drafts/settings";
import { ATTACHMENT_MAX_MB } from "@/lib/attachments/settings";

export type { SettingDefinition } from "./define";

export const SETTINGS: SettingDefinition<never>[] = [
  ...(DRAFT_SETTINGS as unknown as SettingDefinition<never>[]),
  ...(MEETING_SETTINGS as SettingDefinition<never>[]),
  HANDBOOK_THRESHOLDS as SettingDefinition<never>,
  ATTACHMENT_MAX_MB as SettingDefinition<never>,
];
