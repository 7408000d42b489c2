// Every event kind the code records has a Vietnamese label in lib/audit/labels.ts,
// and the audit log's filter (built from the same map) offers it.
import fs from "node:fs";
import path from "node:path";
import { RestructureType } from "@/lib/generated/prisma/enums";
import { AUDIT_ACTION_GROUPS, AUDIT_ACTION_LABELS, auditActionFilter, auditActionLabel, auditAddressLabel, auditEntityLabel, AUDIT_ENTITY_LABELS } from "@/lib/audit/labels";

const ROOT = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

const auditingFiles = [...sourceFiles("lib"), ...sourceFiles("app")]
  .map((file) => fs.readFileSync(path.join(ROOT, file), "utf8"))
  .filter((text) => /record(Anonymous)?AuditEvent\(/.test(text));

/** The action expressions written next to an audit call: literals, ternaries and templates. */
function recordedActions(): string[] {
  const actions = new Set<string>();
  for (const text of auditingFiles) {
    for (const [, expression] of text.matchAll(/\baction: ([^,}\n]+)/g)) {
      for (const [, literal] of expression.matchAll(/"([a-z_]+(?:\.[a-z_]+)+)"/g)) actions.add(literal);
      const template = /`([a-z_.]+)\$\{/.exec(expression);
      if (template) actions.add(`${template[1]}*`);
    }
  }
  return [...actions].sort();
}

const importKinds = ["lib/members/import-members.ts", "lib/stats/usage-import.ts", "lib/meetings/attendance-import.ts"].map((file) => /\bkind: "([a-z]+)"/.exec(fs.readFileSync(path.join(ROOT, file), "utf8"))![1]);

describe("audit event labels", () => {
  it("names every event kind the code records", () => {
    const recorded = recordedActions();
    expect(recorded.length).toBeGreaterThan(30);
    const expanded = recorded.flatMap((action) => {
      if (action === "import.*") return importKinds.map((kind) => `import.${kind}`);
      if (action === "org.restructure.*") return Object.values(RestructureType).map((type) => `org.restructure.${type.toLowerCase()}`);
      if (action.endsWith("*")) throw new Error(`Sự kiện ghi bằng mẫu chưa được liệt kê trong test: ${action}`);
      return [action];
    });
    expect(expanded.filter((action) => !AUDIT_ACTION_LABELS[action])).toEqual([]);
  });

  it("puts each kind in the group its prefix says, so the filter offers it under the right heading", () => {
    for (const group of AUDIT_ACTION_GROUPS) for (const action of Object.keys(group.actions)) expect(action.startsWith(group.prefix)).toBe(true);
    expect(new Set(AUDIT_ACTION_GROUPS.map((group) => group.prefix)).size).toBe(AUDIT_ACTION_GROUPS.length);
  });

  it("filters one kind exactly and a group by its prefix", () => {
    expect(auditActionFilter("meeting.updated")).toEqual({ equals: "meeting.updated" });
    expect(auditActionFilter("meeting.")).toEqual({ startsWith: "meeting." });
    expect(auditActionFilter(undefined)).toBeUndefined();
  });

  it("shows no raw code: objects, addresses and unknown kinds read in Vietnamese", () => {
    expect(auditActionLabel("meeting.updated")).toBe("Sửa cuộc họp");
    expect(auditActionLabel("meeting.something_new")).toBe("Sinh hoạt chi bộ (meeting.something_new)");
    expect(auditEntityLabel("Draft", "11845")).toBe("Dự thảo số 11845");
    expect(auditEntityLabel("AppSetting", "drafts.deadlineDay")).toBe("Cài đặt drafts.deadlineDay");
    expect(auditAddressLabel("direct")).toBe("Không rõ (không qua proxy tin cậy)");
    expect(auditAddressLabel("203.0.113.5")).toBe("203.0.113.5");
    const entityTypes = new Set(auditingFiles.flatMap((text) => [...text.matchAll(/entityType: "([A-Za-z]+)"/g)].map((match) => match[1])));
    expect([...entityTypes].filter((type) => !AUDIT_ENTITY_LABELS[type])).toEqual([]);
  });
});
