// Test workers inherit DATABASE_URL (and E2E_BASE_URL) from the global setup.
if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL chưa có: chạy qua `npm test` để global setup tạo cơ sở dữ liệu kiểm thử.");
