// Parallax's service worker (a template: postbuild.mjs fills in the build's
// version and its exact file list). Cache-first for the files of one build,
// kept in a cache named after that build; a new build installs beside it,
// waits until the page asks it to take over ("Reload to update"), then
// deletes the older caches of this scope.
const VERSION = "__PARALLAX_VERSION__";
const PRECACHE = __PARALLAX_PRECACHE__;

// The folder sw.js is served from is the app's root and the scope.
const SCOPE = new URL("./", self.location.href).href;
const PREFIX = `parallax ${SCOPE} `;
const CACHE = PREFIX + VERSION;

// A cached copy without redirect history: a redirected response (a host
// that maps index.html to ./) must not answer a navigation.
async function fetchForCache(url) {
  const response = await fetch(new Request(url, { cache: "no-cache" }));
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  if (!response.redirected) return response;
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // All or nothing: a failed file fails the install, and the old
      // version keeps serving.
      const responses = await Promise.all(PRECACHE.map((path) => fetchForCache(new URL(path, SCOPE).href)));
      await Promise.all(PRECACHE.map((path, i) => cache.put(new URL(path, SCOPE).href, responses[i])));
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  // Only when the reader says so ("Reload to update"): never silently.
  if (event.data === "skip-waiting") self.skipWaiting();
  // A page that loaded while this worker activated (a reload during the
  // install) was not claimed then; it asks once it sees no controller.
  if (event.data === "claim") event.waitUntil(self.clients.claim());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;
  url.hash = "";
  if (request.mode === "navigate") {
    // Links select with the fragment; a query string means nothing here.
    url.search = "";
    if (url.href === SCOPE + "index.html") url.href = SCOPE;
  }
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(url.href))
      .then((hit) => hit || fetch(request)),
  );
});
