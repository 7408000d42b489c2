// npm run admin:create -- --username <tên> [--unit-code HN --unit-name "Thành phố Hà Nội"]
// Creates an administrator (the password comes from ADMIN_PASSWORD or is asked for).
// On an empty database it also creates the root org unit.
import readline from "node:readline/promises";
import { createAdministrator } from "@/scripts/db/bootstrap";
import { withAppDatabase } from "@/scripts/lib/app-database";
import { passwordProblems } from "@/lib/auth/password";

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
}

async function main() {
  const username = option("username")?.trim().toLowerCase();
  if (!username || !/^[a-z0-9][a-z0-9._-]{2,63}$/.test(username)) throw new Error("Cần --username hợp lệ (3–64 ký tự: chữ không dấu, số, . _ -).");
  let password = process.env.ADMIN_PASSWORD;
  if (!password) {
    const prompt = readline.createInterface({ input: process.stdin, output: process.stdout });
    password = await prompt.question("Mật khẩu cho quản trị viên: ");
    prompt.close();
  }
  const problems = passwordProblems(password, username);
  if (problems.length) throw new Error(problems.join(" "));
  await withAppDatabase(2, async (db) => {
    if (await db.user.findUnique({ where: { username } })) throw new Error(`Tên đăng nhập "${username}" đã có.`);
    await createAdministrator(db, { username, password, rootCode: option("unit-code") ?? "HN", rootName: option("unit-name") ?? "Thành phố Hà Nội" });
    console.log(`Đã tạo quản trị viên "${username}". Lần đăng nhập đầu tiên phải đổi mật khẩu.`);
  });
}

main().catch((error) => {
  console.error(`Lỗi: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
