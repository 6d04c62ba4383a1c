// Gapmap's service worker: after one online visit the app loads and works
// with no network.
//
// This file is a template. The post-build hook (scripts/post-build.mjs)
// writes it into the build with VERSION and PRECACHE filled in: PRECACHE
// lists every file of that build (Trunk's hashed names included) and
// VERSION is a digest of all of them, so every release is a new worker with
// its own cache.
//
// - Install: the whole build goes into one cache, or the install fails and
//   the previous worker keeps serving its own build (all or nothing).
// - The page is fetched network-first and, offline, answered from the cache
//   of this same build: the page and the wasm it names always match.
// - Every other file of the build is answered cache-first.
// - Activate: the caches of older builds are deleted.
// - A new worker waits until the app asks it to take over ("Update
//   available — reload"), so an open page never changes under the user.
//
// Every URL is relative to the worker's own location, so the app works under
// any sub-path (`/gapmap/`).

const VERSION = "__GAPMAP_VERSION__";
const PRECACHE = __GAPMAP_PRECACHE__;
const PREFIX = "gapmap-";
const CACHE = PREFIX + VERSION;
const PAGE = new URL("index.html", self.location).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // `reload` skips the HTTP cache: the files must be this build's.
      cache.addAll(PRECACHE.map((path) => new Request(new URL(path, self.location).href, { cache: "reload" }))),
    ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "activate-update") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(page(request));
  } else {
    event.respondWith(asset(request));
  }
});

// The page: the network's when there is one (a new release shows at once),
// else this build's copy. A file of the build opened directly (the JSON
// Schema, say) is answered with itself, anything else with the page.
async function page(request) {
  try {
    return await fetch(request);
  } catch (offline) {
    const cache = await caches.open(CACHE);
    const cached = (await cache.match(request, { ignoreSearch: true })) ?? (await cache.match(PAGE));
    if (cached) return cached;
    throw offline;
  }
}

// A file of the build: from this build's cache, else from the network.
async function asset(request) {
  const cached = await caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true }));
  return cached ?? fetch(request);
}
