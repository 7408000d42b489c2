// Service worker of the branch secretary's pages (registered only for them,
// by components/offline/offline-agent.tsx). It keeps:
//  - so-tay-static-*: the build's hashed files (/_next/static), cache-first;
//  - so-tay-pages-*: the secretary's own pages (members, this and last month's
//    meetings and forms, the schedule, the draft writer), network-first, and
//    served from the cache only when there is no network;
//  - so-tay-meta-*: the list of those pages, given by the app on each visit.
// Only pages on that list are stored, so other roles' pages never are. The app
// deletes all three (and unregisters this worker) on sign-out.
const VERSION = "v1";
const STATIC = `so-tay-static-${VERSION}`;
const PAGES = `so-tay-pages-${VERSION}`;
const META = `so-tay-meta-${VERSION}`;
const PAGE_LIST = "/__offline/pages";
/** How often the pages are refetched in the background while online (a weak signal is precious). */
const REFRESH_MS = 15 * 60 * 1000;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith("so-tay-") && !name.endsWith(VERSION)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/** "/meetings/branch/7/2026-11?saved=REGULAR" and the page without the notice are the same page. */
function pageKey(url) {
  const search = new URLSearchParams(url.search);
  search.delete("saved");
  const rest = search.toString();
  return url.pathname + (rest ? `?${rest}` : "");
}

async function pageList() {
  const response = await (await caches.open(META)).match(PAGE_LIST);
  return response ? response.json() : { pages: [], warmedAt: 0 };
}

async function savePageList(list) {
  await (await caches.open(META)).put(PAGE_LIST, new Response(JSON.stringify(list), { headers: { "content-type": "application/json" } }));
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/_next/static/")) event.respondWith(cacheFirst(request));
  else if (request.mode === "navigate") event.respondWith(networkFirstPage(request, url));
  // Everything else (API, RSC payloads, images) goes to the network untouched: with no
  // network an RSC fetch fails and the router falls back to a full navigation, served above.
});

async function cacheFirst(request) {
  const cache = await caches.open(STATIC);
  const cached = await cache.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") await cache.put(request, response.clone());
  return response;
}

async function networkFirstPage(request, url) {
  const key = pageKey(url);
  const { pages } = await pageList();
  const listed = pages.includes(key);
  try {
    const response = await fetch(request);
    if (listed && response.ok && response.type === "basic" && !response.redirected) await (await caches.open(PAGES)).put(key, response.clone());
    return response;
  } catch {
    const cached = listed ? await (await caches.open(PAGES)).match(key, { ignoreVary: true }) : undefined;
    return cached ?? offlinePage();
  }
}

function offlinePage() {
  const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Không có mạng · Sổ tay đảng viên</title>
<style>body{font-family:system-ui,sans-serif;margin:0;padding:24px;color:#1d2329;background:#f4f5f7}main{max-width:32rem;margin:auto;background:#fff;border:1px solid #e2e5e9;border-radius:10px;padding:20px}a{color:#1f5fae}</style></head>
<body><main><h1>Không có mạng</h1><p>Trang này chưa được lưu trên máy để dùng khi không có mạng.</p>
<p>Khi không có mạng, bạn vẫn mở được <a href="/">Trang chủ</a>, danh sách đảng viên, lịch và phiếu ghi cuộc họp của chi bộ tháng này và tháng trước (nếu đã mở chúng một lần khi có mạng).</p></main></body></html>`;
  return new Response(html, { status: 503, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

self.addEventListener("message", (event) => {
  const data = event.data;
  if (data && data.type === "warm" && Array.isArray(data.pages)) event.waitUntil(warm(data.pages.filter((page) => typeof page === "string" && page.startsWith("/")), !!data.force));
});

/** Fetches the secretary's pages (and the files they need) so they open with no network. */
async function warm(pages, force) {
  const previous = await pageList();
  const same = JSON.stringify(previous.pages) === JSON.stringify(pages);
  if (same && !force && Date.now() - previous.warmedAt < REFRESH_MS) return;
  await savePageList({ pages, warmedAt: same ? previous.warmedAt : 0 });
  const cache = await caches.open(PAGES);
  // Last month rolls off when a new month starts: its pages go.
  for (const request of await cache.keys()) if (!pages.includes(pageKey(new URL(request.url)))) await cache.delete(request);
  let complete = true;
  for (const page of pages) {
    const response = await fetch(page, { credentials: "same-origin", redirect: "manual" }).catch(() => null);
    // A redirect (signed out, password to change) or an error page is never stored.
    if (!response || !response.ok || response.type !== "basic") {
      complete = false;
      continue;
    }
    const html = await response.clone().text();
    await cache.put(page, response);
    await cacheAssets(html, self.location.origin);
  }
  await savePageList({ pages, warmedAt: complete ? Date.now() : 0 });
  for (const client of await self.clients.matchAll()) client.postMessage({ type: "warmed", complete });
}

async function cacheAssets(text, base) {
  const cache = await caches.open(STATIC);
  const urls = new Set(text.match(/\/_next\/static\/[^"'\s)\\]+/g) || []);
  for (const path of urls) {
    const url = new URL(path, base).href;
    if (await cache.match(url)) continue;
    const response = await fetch(url).catch(() => null);
    if (!response || !response.ok) continue;
    await cache.put(url, response.clone());
    // Stylesheets bring their fonts, by relative url(...).
    if (url.endsWith(".css")) {
      const css = await response.text();
      for (const match of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
        const font = new URL(match[1], url);
        if (font.origin !== self.location.origin || !font.pathname.startsWith("/_next/static/") || (await cache.match(font.href))) continue;
        const fontResponse = await fetch(font.href).catch(() => null);
        if (fontResponse && fontResponse.ok) await cache.put(font.href, fontResponse);
      }
    }
  }
}
