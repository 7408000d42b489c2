import { ATTACHMENT_KIND_LABELS, type AttachmentKindKey } from "@/lib/attachments/schemas";
import { formatDateTime } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { AttachmentUploadForm } from "./upload-form";

type Item = { id: number; kind: string; fileName: string; size: number; uploadedByName: string; createdAt: Date };
type Props = {
  title: string;
  items: Item[];
  /** Kinds the reader may upload here; empty: read only. */
  uploadKinds: AttachmentKindKey[];
  target: { draftId?: number; meetingId?: number };
  maxMegabytes: number;
  emptyText: string;
};

/** Files attached to a draft or a meeting: download links, and the upload form for the branch. */
export function AttachmentsPanel({ title, items, uploadKinds, target, maxMegabytes, emptyText }: Props) {
  const idPrefix = target.draftId ? `att-d${target.draftId}` : `att-m${target.meetingId}`;
  return (
    <div className="section">
      <h3>{title}</h3>
      {items.length ? (
        <ul className="plain-list">
          {items.map((item) => (
            <li key={item.id}>
              <a href={`/api/v1/attachments/${item.id}/file`} download>{item.fileName}</a>{" "}
              <span className="small muted">
                {ATTACHMENT_KIND_LABELS[item.kind as AttachmentKindKey]} · {formatNumber(Math.max(1, Math.round(item.size / 1024)))} KB · {item.uploadedByName}, {formatDateTime(item.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{emptyText}</p>
      )}
      {uploadKinds.length ? <AttachmentUploadForm kinds={uploadKinds.map((value) => ({ value, label: ATTACHMENT_KIND_LABELS[value] }))} target={target} maxMegabytes={maxMegabytes} idPrefix={idPrefix} /> : null}
    </div>
  );
}
