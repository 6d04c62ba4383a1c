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
// - Activate: the caches of older builds of this same deployment are
//   deleted. Each cache is named after the worker's scope, so another
//   deployment on the same origin (/gapmap/ and /gapmap-next/, say) keeps
//   its own.
// - The page falls back to the cache not only offline but also when the
//   server answers with an error (5xx) or takes more than NETWORK_WAIT_MS to
//   answer: a broken or hanging server does not take the app down.
// - A new worker waits until the app asks it to take over ("Update
//   available — reload"), so an open page never changes under the user.
//
// Every URL is relative to the worker's own location, so the app works under
// any sub-path (`/gapmap/`).

const VERSION = "__GAPMAP_VERSION__";
const PRECACHE = __GAPMAP_PRECACHE__;
const PREFIX = "gapmap-";
// The scope is a URL and has no space: "gapmap-<scope> " starts the names of
// this deployment's caches and of no other's (not even a deeper scope's).
const SCOPE_PREFIX = PREFIX + self.registration.scope + " ";
const CACHE = SCOPE_PREFIX + VERSION;
const PAGE = new URL("index.html", self.location).href;
// How long the page may take to arrive before this build's copy is shown.
const NETWORK_WAIT_MS = 4000;

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
      .then((keys) => Promise.all(keys.map(async (key) => ((await isOlderBuildHere(key)) ? caches.delete(key) : false))))
      .then(() => self.clients.claim()),
  );
});

// Whether the cache `key` holds an older build of this deployment. Names
// from before caches carried their scope ("gapmap-<version>") count only
// when the cache holds this scope's own page.
async function isOlderBuildHere(key) {
  if (key === CACHE || !key.startsWith(PREFIX)) return false;
  if (key.startsWith(SCOPE_PREFIX)) return true;
  if (key.includes(" ")) return false;
  return (await caches.open(key).then((cache) => cache.match(PAGE))) !== undefined;
}

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

// The page: the network's when it answers well and in time (a new release
// shows at once), else this build's copy: offline, on a server error (5xx),
// or after NETWORK_WAIT_MS with no answer (then, with no copy, the network's
// answer is awaited after all). A file of the build opened directly (the
// JSON Schema, say) is answered with itself, anything else with the page.
async function page(request) {
  const network = fetch(request);
  // Answered or failed later, after the copy was served: nobody waits for it.
  network.catch(() => {});
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(() => resolve(null), NETWORK_WAIT_MS);
  });
  let response;
  try {
    response = await Promise.race([network, late]);
  } catch (offline) {
    const cached = await cachedPage(request);
    if (cached) return cached;
    throw offline;
  } finally {
    clearTimeout(timer);
  }
  if (response === null) {
    const cached = await cachedPage(request);
    if (cached) return cached;
    response = await network;
  }
  if (response.status >= 500) return (await cachedPage(request)) ?? response;
  return response;
}

// This build's copy of the file asked for, else of the page; undefined when
// the cache has neither.
async function cachedPage(request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(request, { ignoreSearch: true })) ?? (await cache.match(PAGE));
}

// A file of the build: from this build's cache, else from the network.
async function asset(request) {
  const cached = await caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true }));
  return cached ?? fetch(request);
}
