/* Service worker of the Giảm nghèo portal, served at /sw.js by portal/pwa.py.
 *
 * - Pages: from the network first; a page read before is kept on the phone
 *   (the last CONFIG.maxPages of them) and shown when the network fails, else
 *   the offline page. Addresses with a query string (search, filters) are
 *   never kept.
 * - Static files (/static/): from the phone first; their names carry a hash of
 *   their content, so a new file has a new name.
 * - Never touched: the admin, documents, the API, anything but GET, other sites.
 */
"use strict";

const CONFIG = {{ config|safe }};
const PRECACHE = "precache-" + CONFIG.version;
const STATIC = "static-" + CONFIG.version;
const PAGES = "pages-" + CONFIG.version;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(PRECACHE)
      // "reload": the copies must come from the server, not from the HTTP cache.
      .then((cache) => cache.addAll(CONFIG.precache.map((url) => new Request(url, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  const current = [PRECACHE, STATIC, PAGES];
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => !current.includes(key)).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (CONFIG.never.some((prefix) => url.pathname.startsWith(prefix))) return;
  if (url.pathname.startsWith(CONFIG.staticPrefix)) {
    event.respondWith(CONFIG.staticNetworkFirst ? networkFirst(request, STATIC) : cacheFirst(request));
  } else if (request.mode === "navigate") {
    event.respondWith(page(request, url));
  }
});

function keepable(response) {
  const control = response.headers.get("Cache-Control") || "";
  return response.ok && response.type === "basic" && !/no-store|private/.test(control);
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (keepable(response)) {
    const cache = await caches.open(STATIC);
    await cache.put(request, response.clone());
  }
  return response;
}

async function networkFirst(request, cacheName) {
  try {
    const response = await fetch(request);
    if (keepable(response)) {
      const cache = await caches.open(cacheName);
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(request);
    if (cached) return cached;
    throw error;
  }
}

async function page(request, url) {
  try {
    const response = await fetch(request);
    if (!url.search && keepable(response)) {
      const cache = await caches.open(PAGES);
      await cache.put(request, response.clone());
      await trim(cache, CONFIG.maxPages);
    }
    return response;
  } catch (error) {
    const cached = url.search ? null : await caches.match(request, { cacheName: PAGES });
    return cached || (await caches.match(CONFIG.offline)) || Response.error();
  }
}

async function trim(cache, max) {
  const keys = await cache.keys();
  // Keys come back oldest first.
  await Promise.all(keys.slice(0, Math.max(0, keys.length - max)).map((key) => cache.delete(key)));
}
