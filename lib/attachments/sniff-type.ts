import "server-only";
import { fileTypeFromBuffer } from "file-type";

/** What may be attached, by the type read from the content (file-type's magic numbers; DOCX by its ZIP entries). */
export const ALLOWED_TYPES = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
} as const;

export type AllowedType = keyof typeof ALLOWED_TYPES;

/** The content's real type if it is one we accept; null otherwise, whatever the file's name says. */
export async function sniffAllowedType(bytes: Uint8Array): Promise<AllowedType | null> {
  const detected = await fileTypeFromBuffer(bytes);
  return detected && detected.mime in ALLOWED_TYPES ? (detected.mime as AllowedType) : null;
}
