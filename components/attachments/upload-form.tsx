"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";

type Props = { kinds: { value: string; label: string }[]; target: { draftId?: number; meetingId?: number }; maxMegabytes: number; idPrefix: string };

/** Uploads one file to /api/v1/attachments (multipart) and reloads the list; the server checks type, size and scope. */
export function AttachmentUploadForm({ kinds, target, maxMegabytes, idPrefix }: Props) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [state, setState] = useState<{ status: "idle" | "busy" | "ok" | "error"; message?: string }>({ status: "idle" });

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    if (target.draftId) data.set("draftId", String(target.draftId));
    if (target.meetingId) data.set("meetingId", String(target.meetingId));
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) return setState({ status: "error", message: "Chọn tệp cần đính kèm." });
    if (file.size > maxMegabytes * 1024 * 1024) return setState({ status: "error", message: `Tệp lớn hơn ${maxMegabytes} MB.` });
    setState({ status: "busy", message: "Đang tải lên…" });
    const response = await fetch("/api/v1/attachments", { method: "POST", body: data }).catch(() => null);
    if (!response) return setState({ status: "error", message: "Không gửi được tệp. Kiểm tra kết nối rồi thử lại." });
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { error?: { message?: string; details?: { message: string }[] } } | null;
      return setState({ status: "error", message: body?.error?.details?.[0]?.message ?? body?.error?.message ?? "Không đính kèm được tệp." });
    }
    form.current?.reset();
    setState({ status: "ok", message: "Đã đính kèm tệp." });
    router.refresh();
  }

  return (
    <form ref={form} className="form" onSubmit={submit} noValidate>
      <div aria-live="polite">
        {state.status === "error" ? <div className="alert alert-error" role="alert">{state.message}</div> : null}
        {state.status === "ok" || state.status === "busy" ? <div className="alert alert-success" role="status">{state.message}</div> : null}
      </div>
      {kinds.length > 1 ? (
        <div className="field">
          <label htmlFor={`${idPrefix}-kind`}>Loại tệp</label>
          <select id={`${idPrefix}-kind`} name="kind">
            {kinds.map((kind) => (
              <option key={kind.value} value={kind.value}>{kind.label}</option>
            ))}
          </select>
        </div>
      ) : (
        <input type="hidden" name="kind" value={kinds[0].value} />
      )}
      <div className="field">
        <label htmlFor={`${idPrefix}-file`}>Tệp (PDF, JPEG, PNG hoặc DOCX, tối đa {maxMegabytes} MB)</label>
        <input id={`${idPrefix}-file`} name="file" type="file" accept=".pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png" />
      </div>
      <div>
        <button className="button button-secondary" type="submit" disabled={state.status === "busy"} aria-busy={state.status === "busy"}>Đính kèm</button>
      </div>
    </form>
  );
}
