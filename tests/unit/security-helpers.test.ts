import { safeCallbackUrl } from "@/lib/http/safe-redirect";
import { escapeLike } from "@/lib/db/sql";
import { can, permissionsOf } from "@/lib/auth/permissions";
import { isDatabaseUnavailable } from "@/lib/errors";
import { migrationDirName } from "@/scripts/db/migrations";

describe("safeCallbackUrl", () => {
  it.each([
    ["/org/5", "/org/5"],
    ["/admin/users?q=a", "/admin/users?q=a"],
    ["https://evil.example/", "/"],
    ["//evil.example/x", "/"],
    ["/\\evil.example", "/"],
    ["/login?callbackUrl=/x", "/"],
    [undefined, "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });
});

describe("escapeLike", () => {
  it("makes LIKE wildcards literal", () => {
    expect(escapeLike("50%_a\\b")).toBe("50\\%\\_a\\\\b");
  });
});

describe("role permissions", () => {
  it("keeps member names away from leaders", () => {
    expect(can("LEADER", "member.read")).toBe(false);
    expect(can("WARD_COMMITTEE", "member.read")).toBe(true);
  });

  it("lets only administrators manage users and tokens", () => {
    for (const role of ["BOARD_REVIEWER", "WARD_COMMITTEE", "BRANCH_SECRETARY", "LEADER"] as const) {
      expect(can(role, "user.manage")).toBe(false);
      expect(can(role, "token.manage")).toBe(false);
    }
    expect(permissionsOf("ADMIN")).toEqual(expect.arrayContaining(["user.manage", "token.manage", "audit.read"]));
  });
});

describe("isDatabaseUnavailable", () => {
  it("recognises connection failures, also when wrapped", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapper", { cause: { code: "57P01" } }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("duplicate key value violates unique constraint"))).toBe(false);
  });
});

describe("migrationDirName", () => {
  it("stamps and slugs Vietnamese names", () => {
    expect(migrationDirName("Thêm bảng dự thảo", new Date("2026-11-26T10:20:30Z"))).toBe("20261126102030_them_bang_du_thao");
    expect(() => migrationDirName("!!!")).toThrow();
  });
});
