import "server-only";
import type { NextRequest } from "next/server";
import { PayloadTooLargeError, ValidationError } from "@/lib/errors";

// Room for the multipart envelope and the small text fields around the file.
const ENVELOPE_BYTES = 64 * 1024;

/**
 * Reads a multipart upload of one file and some text fields, refusing a body
 * larger than the limit while it arrives (declared length or counted bytes),
 * never after buffering it whole.
 */
export async function readUpload(request: NextRequest, maxFileBytes: number): Promise<{ fields: Record<string, string>; file: { name: string; bytes: Uint8Array } }> {
  const limit = maxFileBytes + ENVELOPE_BYTES;
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) throw new ValidationError("Gửi tệp dạng multipart/form-data, trường “file”.");
  if (Number(request.headers.get("content-length") ?? "0") > limit) throw new PayloadTooLargeError(maxFileBytes);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw new PayloadTooLargeError(maxFileBytes);
    }
    chunks.push(value);
  }
  let form: FormData;
  try {
    form = await new Response(Buffer.concat(chunks), { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new ValidationError("Không đọc được nội dung tải lên (multipart/form-data hỏng).");
  }
  const fields: Record<string, string> = {};
  let file: { name: string; bytes: Uint8Array } | null = null;
  for (const [key, value] of form.entries()) {
    if (typeof value === "string") fields[key] ??= value;
    else if (key === "file" && !file) file = { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
  }
  if (!file) throw new ValidationError("Chưa chọn tệp.", [{ field: "file", message: "Chưa chọn tệp." }]);
  if (file.bytes.byteLength > maxFileBytes) throw new PayloadTooLargeError(maxFileBytes);
  return { fields, file };
}
