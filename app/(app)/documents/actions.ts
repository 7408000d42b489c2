"use server";

import { formAction } from "@/lib/actions/form-action";
import { issueDocument } from "@/lib/documents/issue-document";
import { updateIssuerSettings } from "@/lib/documents/issuer";

export const issueDocumentAction = formAction({ permission: "document.issue", revalidate: ["/documents"] }, async (actor, input) => {
  const issued = await issueDocument(actor, input);
  return { status: "success", message: `Đã ban hành văn bản số ${issued.numberLabel}.`, data: { id: issued.id } };
});

export const updateIssuerAction = formAction({ permission: "document.issue", revalidate: ["/documents", "/documents/issuer"] }, async (actor, input) => {
  const recipients = (input.recipients ?? "").split("\n").map((line) => line.trim()).filter(Boolean);
  await updateIssuerSettings(actor, Number(input.unitId), { ...input, recipients });
  return { status: "success", message: "Đã lưu thông tin cơ quan ban hành." };
});
