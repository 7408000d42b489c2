"use server";

import { formAction } from "@/lib/actions/form-action";
import { issueApiToken, revokeApiToken } from "@/lib/tokens/api-tokens";

export const issueTokenAction = formAction({ permission: "token.manage", revalidate: ["/admin/tokens"] }, async (actor, input) => {
  const { secret } = await issueApiToken(actor, { ...input, expiresInDays: input.expiresInDays || undefined });
  return { status: "success", message: "Đã cấp mã truy cập. Sao chép ngay: mã chỉ hiển thị một lần.", data: { secret } };
});

export const revokeTokenAction = formAction({ permission: "token.manage", revalidate: ["/admin/tokens"] }, async (actor, input) => {
  await revokeApiToken(actor, Number(input.tokenId));
  return { status: "success", message: "Đã thu hồi mã truy cập." };
});
