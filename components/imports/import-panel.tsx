"use client";

import { useRef, useState } from "react";
import { formatNumber } from "@/lib/format/number";

type Column = { header: string; description: string; example: string; required: boolean };
type Props = { kind: string; label: string; description: string; columns: Column[] };
type Result = { accepted: number; rejected: number; dryRun: boolean; errors: { row: number; field?: string; message: string }[] };
type Progress = { processedRows: number; totalRows: number };

function csvCell(value: string): string {
  return /[",;\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function ImportPanel({ kind, label, description, columns }: Props) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [dryRun, setDryRun] = useState(true);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const template = `\uFEFF${columns.map((c) => csvCell(c.header)).join(",")}\n${columns.map((c) => csvCell(c.example)).join(",")}\n`;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setError("Chọn tệp CSV cần nhập.");
      return;
    }
    setBusy(true);
    setError(null);
    setResult(null);
    const jobId = crypto.randomUUID();
    const timer = window.setInterval(async () => {
      const response = await fetch(`/api/v1/imports/jobs/${jobId}`);
      if (response.ok) setProgress(await response.json());
    }, 700);
    try {
      const query = new URLSearchParams({ dryRun: dryRun ? "1" : "0", jobId, fileName: file.name });
      const response = await fetch(`/api/v1/imports/${kind}?${query}`, { method: "POST", headers: { "content-type": "text/csv; charset=utf-8" }, body: file });
      const body = await response.json();
      if (!response.ok) {
        setError(body.error?.message ?? "Nhập dữ liệu thất bại.");
        if (body.error?.details) setResult({ accepted: 0, rejected: 0, dryRun, errors: body.error.details });
      } else setResult(body);
    } catch {
      setError("Không gửi được tệp. Kiểm tra kết nối rồi thử lại.");
    } finally {
      window.clearInterval(timer);
      setBusy(false);
      setProgress(null);
    }
  }

  return (
    <div>
      <div className="card-header">
        <h2>{label}</h2>
        <a className="button button-secondary button-small" href={`data:text/csv;charset=utf-8,${encodeURIComponent(template)}`} download={`mau-${kind}.csv`}>
          Tải tệp mẫu
        </a>
      </div>
      <p className="muted">{description}</p>
      <details>
        <summary>Các cột của tệp</summary>
        <div className="table-wrap" style={{ marginTop: 8 }}>
          <table>
            <thead>
              <tr>
                <th>Cột</th>
                <th>Ý nghĩa</th>
                <th>Ví dụ</th>
              </tr>
            </thead>
            <tbody>
              {columns.map((column) => (
                <tr key={column.header}>
                  <td className="nowrap">
                    <strong>{column.header}</strong>
                    {column.required ? "" : " (không bắt buộc)"}
                  </td>
                  <td>{column.description}</td>
                  <td className="mono">{column.example}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <form className="filters" onSubmit={submit} style={{ marginTop: 12 }}>
        <div className="field">
          <label htmlFor={`file-${kind}`}>Tệp CSV</label>
          <input id={`file-${kind}`} ref={fileRef} type="file" accept=".csv,text/csv" />
        </div>
        <label className="nowrap" style={{ alignSelf: "center" }}>
          <input type="checkbox" checked={dryRun} onChange={(event) => setDryRun(event.target.checked)} /> Chỉ kiểm tra, chưa ghi
        </label>
        <button className="button" type="submit" disabled={busy}>
          {busy ? "Đang xử lý…" : dryRun ? "Kiểm tra tệp" : "Nhập dữ liệu"}
        </button>
      </form>
      <div aria-live="polite">
        {busy && progress ? (
          <div>
            <progress max={progress.totalRows || 1} value={progress.processedRows} style={{ width: "100%" }} />
            <div className="small muted">
              Đã kiểm tra {formatNumber(progress.processedRows)} / {formatNumber(progress.totalRows)} dòng
            </div>
          </div>
        ) : null}
        {error ? <div className="alert alert-error">{error}</div> : null}
        {result && !error ? (
          <div className={`alert ${result.rejected ? "alert-warn" : "alert-success"}`}>
            {result.dryRun ? "Kiểm tra xong (chưa ghi gì): " : "Đã nhập: "}
            {formatNumber(result.accepted)} dòng hợp lệ{result.dryRun ? "" : " đã ghi"}, {formatNumber(result.rejected)} dòng bị từ chối.
          </div>
        ) : null}
        {result && result.errors.length ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th className="num">Dòng</th>
                  <th>Cột</th>
                  <th>Lỗi</th>
                </tr>
              </thead>
              <tbody>
                {result.errors.slice(0, 200).map((item, i) => (
                  <tr key={`${item.row}-${i}`}>
                    <td className="num">{item.row}</td>
                    <td>{item.field ?? ""}</td>
                    <td>{item.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {result.errors.length > 200 ? <p className="small muted" style={{ padding: 8 }}>… và {formatNumber(result.errors.length - 200)} lỗi khác.</p> : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
