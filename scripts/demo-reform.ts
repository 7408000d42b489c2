// npm run demo:reform — applies a realistic reform to the running district demo
// (like Hà Nội's of 1 July 2025): the district tier goes, the 14 wards of Long Biên
// merge into 4 larger wards directly under the city. Same lib operations as the
// admin page and the API, effective the first day of the month after the day the
// demo was seeded, so the 24 months of history stay under the tree they were
// recorded in, and the new tree shows at once in the org pages and with tree=current.
import { openAppDatabase } from "@/scripts/db/server";
import { prepareDatabase } from "@/scripts/db/bootstrap";
import { addMonths, currentPeriod } from "@/lib/periods/period";
import { formatDate, formatPeriod } from "@/lib/format/date";

/** First day of the month after the demo's seed day ("YYYY-MM-DD"; this month when the seed day is unknown). */
export function reformDate(seededOn: string | null): string {
  return `${addMonths(seededOn ? seededOn.slice(0, 7) : currentPeriod(), 1)}-01`;
}

/** New ward ← old wards (codes of the district demo). */
export const REFORM_WARDS = [
  { code: "HN-BD", name: "Phường Bồ Đề (mới)", from: ["LB-BD", "LB-NL", "LB-GT", "LB-NT"] },
  { code: "HN-VH", name: "Phường Việt Hưng (mới)", from: ["LB-VH", "LB-DG", "LB-GB", "LB-TT"] },
  { code: "HN-PL", name: "Phường Phúc Lợi (mới)", from: ["LB-PL", "LB-SD", "LB-PD"] },
  { code: "HN-LB", name: "Phường Long Biên (mới)", from: ["LB-LB", "LB-TB", "LB-CK"] },
];

async function main() {
  const database = await openAppDatabase(console.log);
  try {
    await prepareDatabase(database.url, { seedDemoWhenEmpty: false });
    process.env.DATABASE_URL = database.url;
    const { db, disconnectDb } = await import("@/lib/db/client");
    const { actorFromUser } = await import("@/lib/auth/actor-from-user");
    const { applyRestructuring } = await import("@/lib/org/restructure/restructure-org-units");
    const { formatNumber } = await import("@/lib/format/number");
    try {
      const admin = await db().user.findUnique({ where: { username: "admin" }, include: { orgUnit: true } });
      if (!admin) throw new Error("Không thấy tài khoản admin của dữ liệu demo: chạy `npm start` (lần đầu nạp demo) trước.");
      if (await db().orgUnit.findUnique({ where: { code: REFORM_WARDS[0].code } })) {
        console.log("Cải cách demo đã được áp dụng trước đó: không làm gì thêm. (Nạp lại demo: npm run seed -- --reset)");
        return;
      }
      const actor = actorFromUser(admin);
      const { DEMO_SEEDED_ON_KEY } = await import("@/lib/settings/demo-age");
      const seededOn = (await db().appSetting.findUnique({ where: { key: DEMO_SEEDED_ON_KEY } }))?.value;
      const REFORM_DATE = reformDate(typeof seededOn === "string" ? seededOn : null);
      const city = await db().orgUnit.findFirstOrThrow({ where: { level: "CITY", validTo: null } });
      const district = await db().orgUnit.findUniqueOrThrow({ where: { code: "LB" } });
      console.log(`Cải cách demo, hiệu lực ${formatDate(`${REFORM_DATE}T00:00:00Z`)}: bỏ cấp ${district.name}, 14 phường hợp nhất thành ${REFORM_WARDS.length} phường trực thuộc ${city.name}.`);
      for (const ward of REFORM_WARDS) {
        const sources = await db().orgUnit.findMany({ where: { code: { in: ward.from } }, select: { id: true, name: true } });
        const outcome = await applyRestructuring(actor, { type: "MERGE", effectiveDate: REFORM_DATE, sourceIds: sources.map((source) => source.id), target: { name: ward.name, code: ward.code, parentId: city.id }, users: "MOVE" });
        const { moves } = outcome;
        console.log(`• ${outcome.event.summary}: ${formatNumber(moves.branches)} chi bộ, ${formatNumber(moves.members)} đảng viên, ${formatNumber(moves.openFeedback)} phản hồi chưa xử lý, ${formatNumber(moves.users)} tài khoản chuyển sang ${ward.name} (/org/${outcome.created[0].id}/history).`);
      }
      // The district has no units left under it: it closes, its board and leader accounts move up to the city.
      const closed = await applyRestructuring(actor, { type: "CLOSE", effectiveDate: REFORM_DATE, unitId: district.id, users: "MOVE" });
      console.log(`• ${closed.event.summary}: ${closed.accounts.map((account) => `${account.username} → ${account.action === "MOVE" ? account.to?.name : "khóa"}`).join(", ") || "không có tài khoản"}.`);
      console.log(`Xong. Xem /admin/restructure (admin), /org/${city.id}; báo cáo các tháng trước ${formatPeriod(REFORM_DATE.slice(0, 7)).toLowerCase()} vẫn theo cây cũ, thêm tree=current để cộng theo cây mới.`);
    } finally {
      await disconnectDb();
    }
  } finally {
    await database.release();
  }
}

main().catch((error) => {
  console.error(`Lỗi: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
