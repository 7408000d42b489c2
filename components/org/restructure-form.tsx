"use client";

import { useActionState, useMemo, useState, useTransition } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import type { RestructureOutcome } from "@/lib/org/restructure/restructure-org-units";
import type { Candidate } from "@/lib/org/restructure/list-restructure-candidates";
import { LEVEL_LABELS } from "@/lib/org/labels";
import { FormMessage } from "@/components/ui/form";
import { RestructurePreview } from "./restructure-preview";

type Type = "MERGE" | "SPLIT" | "MOVE" | "RENAME" | "CLOSE";
type Props = {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  type: Type;
  defaultDate: string;
  upper: Candidate[];
  within: Candidate[];
  withinId: number | null;
};

function label(unit: Candidate): string {
  return unit.parentName ? `${unit.name} — ${unit.parentName}` : unit.name;
}

/** One restructuring: the admin fills it in, sees what moves (preview), then confirms the same request. */
export function RestructureForm({ action, type, defaultDate, upper, within, withinId }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  const [pending, startTransition] = useTransition();
  const [effectiveDate, setEffectiveDate] = useState(defaultDate);
  const [users, setUsers] = useState<"MOVE" | "DISABLE">("MOVE");
  const [sources, setSources] = useState<number[]>([]);
  const [targetMode, setTargetMode] = useState<"new" | "existing">("new");
  const [targetName, setTargetName] = useState("");
  const [targetCode, setTargetCode] = useState("");
  const [targetParentId, setTargetParentId] = useState("");
  const [targetId, setTargetId] = useState("");
  const [splitTargets, setSplitTargets] = useState([{ name: "", code: "" }, { name: "", code: "" }]);
  const [assignment, setAssignment] = useState<Record<number, number>>({});
  const [unitId, setUnitId] = useState("");
  const [newParentId, setNewParentId] = useState("");
  const [newName, setNewName] = useState("");
  const [newCode, setNewCode] = useState("");

  const mergeable = upper.filter((unit) => unit.level === "WARD" || unit.level === "DISTRICT");
  // A unit and a unit under it cannot be merged together (the server refuses it too): ticking one
  // disables the other, with the reason beside it.
  const parentOf = useMemo(() => new Map(upper.map((unit) => [unit.id, unit.parentId])), [upper]);
  const byId = useMemo(() => new Map(upper.map((unit) => [unit.id, unit])), [upper]);
  const isUnder = (unitId: number, ancestorId: number) => {
    for (let parent = parentOf.get(unitId) ?? null; parent !== null; parent = parentOf.get(parent) ?? null) if (parent === ancestorId) return true;
    return false;
  };
  const blockedBy = (unitId: number): string | null => {
    for (const selected of sources) {
      if (selected === unitId) continue;
      const other = byId.get(selected);
      if (!other) continue;
      if (isUnder(unitId, selected)) return `trực thuộc ${other.name} đã chọn`;
      if (isUnder(selected, unitId)) return `có ${other.name} đã chọn trực thuộc`;
    }
    return null;
  };
  const parents = upper.filter((unit) => unit.level === "CITY" || unit.level === "DISTRICT");
  const single = [...upper.filter((unit) => unit.level !== "CITY"), ...within.filter((unit) => unit.level === "BRANCH")];

  const request = useMemo(() => {
    const base = { type, effectiveDate };
    switch (type) {
      case "MERGE":
        return {
          ...base,
          sourceIds: sources,
          target: targetMode === "existing" ? { id: Number(targetId) || 0 } : { name: targetName, code: targetCode, ...(targetParentId ? { parentId: Number(targetParentId) } : {}) },
          users,
        };
      case "SPLIT":
        return {
          ...base,
          sourceId: withinId ?? 0,
          targets: splitTargets.map((target, index) => ({ ...target, childIds: within.filter((child) => (assignment[child.id] ?? 0) === index).map((child) => child.id) })),
          users,
        };
      case "MOVE":
        return { ...base, unitId: Number(unitId) || 0, newParentId: Number(newParentId) || 0 };
      case "RENAME":
        return { ...base, unitId: Number(unitId) || 0, name: newName, ...(newCode ? { code: newCode } : {}) };
      case "CLOSE":
        return { ...base, unitId: Number(unitId) || 0 };
    }
  }, [type, effectiveDate, sources, targetMode, targetId, targetName, targetCode, targetParentId, users, withinId, splitTargets, within, assignment, unitId, newParentId, newName, newCode]);
  const requestJson = JSON.stringify(request);
  const preview = state.status === "success" && state.data?.request === requestJson && typeof state.data?.preview === "string" ? (JSON.parse(state.data.preview) as RestructureOutcome) : null;
  const errorOf = (field: string) => state.fieldErrors?.[field]?.join(" ");

  return (
    <form
      className="form reform-form"
      noValidate
      // Submitted by hand (not `action=`): React would reset the form after the action, and a reset
      // shows controlled selects at their first option while the state still holds the choice.
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
        startTransition(() => formAction(data));
      }}
    >
      <FormMessage state={state} />
      <input type="hidden" name="request" value={requestJson} />
      <div className="field">
        <label htmlFor="f-effectiveDate">Ngày hiệu lực</label>
        <input id="f-effectiveDate" type="date" value={effectiveDate} onChange={(event) => setEffectiveDate(event.target.value)} required />
        <div className="field-hint">Luôn là ngày đầu tháng. Các tháng trước ngày này vẫn báo cáo theo cây cũ.</div>
        {errorOf("effectiveDate") ? <div className="field-error">{errorOf("effectiveDate")}</div> : null}
      </div>

      {type === "MERGE" ? (
        <>
          <fieldset className="reform-fieldset">
            <legend>Các đơn vị hợp nhất</legend>
            <div className="reform-checks">
              {mergeable.map((unit) => {
                const blocked = sources.includes(unit.id) ? null : blockedBy(unit.id);
                return (
                  <label key={unit.id} className={blocked ? "reform-check reform-check-blocked" : "reform-check"}>
                    <input
                      type="checkbox"
                      name="source"
                      value={unit.id}
                      checked={sources.includes(unit.id)}
                      disabled={blocked !== null}
                      onChange={(event) => setSources((current) => (event.target.checked ? [...current, unit.id] : current.filter((id) => id !== unit.id)))}
                    />
                    <span>
                      {unit.name}
                      <small className="muted reform-check-note"> {LEVEL_LABELS[unit.level]}{unit.parentName ? ` · ${unit.parentName}` : ""}</small>
                      {blocked ? <small className="reform-check-note"> — không chọn được: {blocked}</small> : null}
                    </span>
                  </label>
                );
              })}
            </div>
            {errorOf("sourceIds") ? <div className="field-error">{errorOf("sourceIds")}</div> : null}
          </fieldset>
          <fieldset className="reform-fieldset">
            <legend>Đơn vị nhận</legend>
            <label className="reform-check"><input type="radio" name="targetMode" checked={targetMode === "new"} onChange={() => setTargetMode("new")} /> Thành lập đơn vị mới</label>
            <label className="reform-check"><input type="radio" name="targetMode" checked={targetMode === "existing"} onChange={() => setTargetMode("existing")} /> Sáp nhập vào đơn vị có sẵn</label>
            {targetMode === "new" ? (
              <div className="form-row">
                <div className="field">
                  <label htmlFor="f-targetName">Tên đơn vị mới</label>
                  <input id="f-targetName" value={targetName} onChange={(event) => setTargetName(event.target.value)} maxLength={200} />
                  {errorOf("target.name") ? <div className="field-error">{errorOf("target.name")}</div> : null}
                </div>
                <div className="field">
                  <label htmlFor="f-targetCode">Mã đơn vị mới</label>
                  <input id="f-targetCode" value={targetCode} onChange={(event) => setTargetCode(event.target.value)} maxLength={40} autoCapitalize="characters" />
                  {errorOf("target.code") ? <div className="field-error">{errorOf("target.code")}</div> : null}
                </div>
                <div className="field">
                  <label htmlFor="f-targetParent">Trực thuộc</label>
                  <select id="f-targetParent" value={targetParentId} onChange={(event) => setTargetParentId(event.target.value)}>
                    <option value="">Như đơn vị đầu tiên được chọn</option>
                    {parents.map((unit) => (
                      <option key={unit.id} value={unit.id}>{unit.name}</option>
                    ))}
                  </select>
                  {errorOf("target.parentId") ? <div className="field-error">{errorOf("target.parentId")}</div> : null}
                </div>
              </div>
            ) : (
              <div className="field">
                <label htmlFor="f-targetId">Đơn vị nhận</label>
                <select id="f-targetId" value={targetId} onChange={(event) => setTargetId(event.target.value)}>
                  <option value="">— Chọn —</option>
                  {mergeable.filter((unit) => !sources.includes(unit.id)).map((unit) => (
                    <option key={unit.id} value={unit.id}>{label(unit)}</option>
                  ))}
                </select>
                {errorOf("target.id") ? <div className="field-error">{errorOf("target.id")}</div> : null}
              </div>
            )}
          </fieldset>
        </>
      ) : null}

      {type === "SPLIT" ? (
        withinId ? (
          <>
            {splitTargets.map((target, index) => (
              <div className="form-row" key={index}>
                <div className="field">
                  <label htmlFor={`f-split-name-${index}`}>Tên đơn vị mới {index + 1}</label>
                  <input id={`f-split-name-${index}`} value={target.name} onChange={(event) => setSplitTargets((current) => current.map((item, i) => (i === index ? { ...item, name: event.target.value } : item)))} />
                  {errorOf(`targets.${index}.name`) ? <div className="field-error">{errorOf(`targets.${index}.name`)}</div> : null}
                </div>
                <div className="field">
                  <label htmlFor={`f-split-code-${index}`}>Mã đơn vị mới {index + 1}</label>
                  <input id={`f-split-code-${index}`} value={target.code} onChange={(event) => setSplitTargets((current) => current.map((item, i) => (i === index ? { ...item, code: event.target.value } : item)))} />
                  {errorOf(`targets.${index}.code`) ? <div className="field-error">{errorOf(`targets.${index}.code`)}</div> : null}
                </div>
              </div>
            ))}
            <button type="button" className="button button-secondary" onClick={() => setSplitTargets((current) => [...current, { name: "", code: "" }])}>Thêm đơn vị mới</button>
            <div className="table-wrap">
              <table>
                <thead><tr><th>Đơn vị trực thuộc</th><th>Chuyển về</th></tr></thead>
                <tbody>
                  {within.map((child) => (
                    <tr key={child.id}>
                      <td>{child.name}</td>
                      <td>
                        <select aria-label={`Nơi chuyển ${child.name}`} value={assignment[child.id] ?? 0} onChange={(event) => setAssignment((current) => ({ ...current, [child.id]: Number(event.target.value) }))}>
                          {splitTargets.map((target, index) => (
                            <option key={index} value={index}>{target.name || `Đơn vị mới ${index + 1}`}</option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {errorOf("targets") ? <div className="field-error">{errorOf("targets")}</div> : null}
          </>
        ) : (
          <div className="alert alert-info">Chọn đơn vị cần chia tách ở ô “Đơn vị” phía trên rồi bấm “Xem đơn vị trực thuộc”.</div>
        )
      ) : null}

      {type === "MOVE" || type === "RENAME" || type === "CLOSE" ? (
        <div className="field">
          <label htmlFor="f-unitId">Đơn vị</label>
          <select id="f-unitId" value={unitId} onChange={(event) => setUnitId(event.target.value)}>
            <option value="">— Chọn —</option>
            {single.map((unit) => (
              <option key={unit.id} value={unit.id}>{LEVEL_LABELS[unit.level]}: {label(unit)}</option>
            ))}
          </select>
          <div className="field-hint">Chi bộ: chọn phường ở ô “Đơn vị” phía trên để liệt kê chi bộ của phường đó.</div>
          {errorOf("unitId") ? <div className="field-error">{errorOf("unitId")}</div> : null}
        </div>
      ) : null}
      {type === "MOVE" ? (
        <div className="field">
          <label htmlFor="f-newParentId">Chuyển về trực thuộc</label>
          <select id="f-newParentId" value={newParentId} onChange={(event) => setNewParentId(event.target.value)}>
            <option value="">— Chọn —</option>
            {upper.map((unit) => (
              <option key={unit.id} value={unit.id}>{LEVEL_LABELS[unit.level]}: {label(unit)}</option>
            ))}
          </select>
          {errorOf("newParentId") ? <div className="field-error">{errorOf("newParentId")}</div> : null}
        </div>
      ) : null}
      {type === "RENAME" ? (
        <div className="form-row">
          <div className="field">
            <label htmlFor="f-newName">Tên mới</label>
            <input id="f-newName" value={newName} onChange={(event) => setNewName(event.target.value)} />
            {errorOf("name") ? <div className="field-error">{errorOf("name")}</div> : null}
          </div>
          <div className="field">
            <label htmlFor="f-newCode">Mã mới (để trống: giữ mã)</label>
            <input id="f-newCode" value={newCode} onChange={(event) => setNewCode(event.target.value)} />
            {errorOf("code") ? <div className="field-error">{errorOf("code")}</div> : null}
          </div>
        </div>
      ) : null}

      {type === "MERGE" || type === "SPLIT" ? (
        <fieldset className="reform-fieldset">
          <legend>Tài khoản có phạm vi là đơn vị kết thúc hoạt động</legend>
          <label className="reform-check"><input type="radio" name="users" checked={users === "MOVE"} onChange={() => setUsers("MOVE")} /> Chuyển sang đơn vị mới{type === "SPLIT" ? " (đơn vị mới thứ nhất)" : ""}</label>
          <label className="reform-check"><input type="radio" name="users" checked={users === "DISABLE"} onChange={() => setUsers("DISABLE")} /> Khóa tài khoản và kết thúc các phiên đăng nhập</label>
        </fieldset>
      ) : null}

      {preview ? <RestructurePreview outcome={preview} /> : null}
      <div className="reform-actions">
        <button type="submit" name="intent" value="preview" className={preview ? "button button-secondary" : "button"} disabled={pending} aria-busy={pending}>
          {pending ? "Đang xử lý…" : "Xem trước"}
        </button>
        {preview ? (
          <button type="submit" name="intent" value="apply" className="button reform-confirm" disabled={pending}>
            Xác nhận áp dụng
          </button>
        ) : null}
      </div>
    </form>
  );
}
