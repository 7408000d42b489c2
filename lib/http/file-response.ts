import "server-only";

/**
 * A file download with the headers that keep a browser from running or
 * guessing it: attachment disposition (ASCII name plus the UTF-8 one), the
 * declared type only (nosniff), a CSP that forbids everything should it be
 * opened anyway, and no shared caching.
 */
export function fileResponse(body: Uint8Array, options: { contentType: string; fileName: string }): Response {
  const ascii = options.fileName.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 120) || "tep";
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": options.contentType,
      "Content-Length": String(body.byteLength),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(options.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
