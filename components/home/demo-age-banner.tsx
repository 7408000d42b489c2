import { readDemoAge } from "@/lib/settings/demo-age";
import { formatDate } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";

/** A demo seeded long ago says so: its "this month" has drifted from today. Real data has no seed day and shows nothing. */
export async function DemoAgeBanner() {
  const age = await readDemoAge();
  if (!age?.stale) return null;
  return (
    <div className="alert alert-warn" role="status" data-testid="demo-age">
      Dữ liệu demo được nạp ngày {formatDate(`${age.seededOn}T00:00:00Z`)}, cách đây {formatNumber(age.days)} ngày: các trang mở theo tháng hiện tại sẽ thiếu số liệu của những tháng sau ngày đó. Để có dữ liệu demo tính đến hôm nay, dừng ứng dụng rồi chạy <code>npm run seed -- --reset</code> (xóa toàn bộ dữ liệu hiện có và nạp lại dữ liệu demo).
    </div>
  );
}
