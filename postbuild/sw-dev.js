// Development build (trunk serve): no offline cache. This worker removes
// any Parallax worker and caches a release build left on this origin, so
// the dev server always serves fresh files.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const scope = new URL("./", self.location.href).href;
      for (const key of await caches.keys()) {
        if (key.startsWith(`parallax ${scope} `)) await caches.delete(key);
      }
      await self.registration.unregister();
    })(),
  );
});
