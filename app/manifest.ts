import type { MetadataRoute } from "next";

/** The app installs on a phone's home screen (the branch secretary's pages work offline once opened). */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Sổ tay đảng viên — Cổng điều hành",
    short_name: "Sổ tay đảng viên",
    description: "Ghi sinh hoạt chi bộ, điểm danh và soạn dự thảo nghị quyết, cả khi mạng yếu.",
    lang: "vi",
    dir: "ltr",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#f4f5f7",
    theme_color: "#8a1c16",
    categories: ["productivity", "government"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
    shortcuts: [
      { name: "Ghi cuộc họp chi bộ", short_name: "Ghi cuộc họp", url: "/meetings" },
      { name: "Soạn dự thảo nghị quyết", short_name: "Soạn dự thảo", url: "/drafts/write" },
    ],
  };
}
