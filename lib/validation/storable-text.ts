// Text PostgreSQL cannot store: the NUL character (text columns refuse it, and so
// do LIKE patterns), and a lone UTF-16 surrogate (not a character at all; JSON's
// "\ud800" escape makes one). Apart from parse.ts so that the page schemas, which
// client forms import with their area's schemas, check it without pulling parse.ts
// (and its zod settings) into the browser.
const UNSTORABLE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const UNSTORABLE_TEXT_MESSAGE = "Có ký tự không hợp lệ (ký tự NUL hoặc mã UTF-16 lẻ). Xóa ký tự đó hoặc nhập lại nội dung.";

export function isStorableText(text: string): boolean {
  return !UNSTORABLE_TEXT.test(text);
}
