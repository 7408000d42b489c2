import { absoluteUrl, isLoopbackUrl, publicBaseUrl, publicUrlWarning } from "@/lib/http/public-url";

describe("the public address", () => {
  it("is PUBLIC_URL, else NEXTAUTH_URL, else localhost on the port, without a trailing slash", () => {
    expect(publicBaseUrl({ PUBLIC_URL: "https://sotay.vn/", NEXTAUTH_URL: "http://localhost:3000" })).toBe("https://sotay.vn");
    expect(publicBaseUrl({ NEXTAUTH_URL: "https://noi-bo.vn" })).toBe("https://noi-bo.vn");
    expect(publicBaseUrl({ PORT: "8080" })).toBe("http://localhost:8080");
    expect(publicBaseUrl({})).toBe("http://localhost:3000");
  });

  it("turns app paths into links and refuses anything else", () => {
    expect(absoluteUrl("/drafts/branch/7/2026-11", "https://sotay.vn")).toBe("https://sotay.vn/drafts/branch/7/2026-11");
    expect(() => absoluteUrl("//evil.example/x", "https://sotay.vn")).toThrow();
    expect(() => absoluteUrl("https://evil.example", "https://sotay.vn")).toThrow();
  });

  it("knows the addresses no phone can open", () => {
    expect(isLoopbackUrl("http://localhost:3310/x")).toBe(true);
    expect(isLoopbackUrl("http://127.0.0.1:3000")).toBe(true);
    expect(isLoopbackUrl("http://[::1]:3000")).toBe(true);
    expect(isLoopbackUrl("https://sotay.quanuy.vn")).toBe(false);
  });

  it("warns at start-up only in production without PUBLIC_URL", () => {
    expect(publicUrlWarning({ NODE_ENV: "production", PUBLIC_URL: "https://sotay.vn" })).toBeNull();
    expect(publicUrlWarning({ NODE_ENV: "development" })).toBeNull();
    expect(publicUrlWarning({ NODE_ENV: "production", NEXTAUTH_URL: "http://localhost:3310" })).toMatch(/PUBLIC_URL chưa được đặt.*http:\/\/localhost:3310 — địa chỉ này chỉ mở được trên chính máy chủ/);
    expect(publicUrlWarning({ NODE_ENV: "production", NEXTAUTH_URL: "https://sotay.vn" })).not.toMatch(/chỉ mở được/);
  });
});
