/* The service worker (served at /sw.js so that its scope is the whole site): pages that hold the
   offline queue open without a network. Those pages put themselves and their scripts, styles
   and icons into the cache (offline-queue.js); here a page is fetched from the network first
   and its copy kept fresh, and the copy answers when there is no network. Static files come from
   the cache first. Nothing else is cached: other pages are private and change. The posts
   themselves are never handled here; the queue on the page sends them. */
"use strict";

var PAGES = "est-pages-v1";

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name !== PAGES; }).map(function (name) {
      return caches.delete(name);
    }));
  }).then(function () { return self.clients.claim(); }));
});

function offlinePage(request) {
  return caches.open(PAGES).then(function (cache) {
    return cache.match(request, { ignoreSearch: true }).then(function (copy) {
      return fetch(request).then(function (response) {
        // Only pages kept for offline use are refreshed, and only with a page, not a redirect
        // to the login form.
        if (copy && response.ok && !response.redirected) cache.put(request, response.clone());
        // A redirect (to the login form) means the session is over: the copy is not for the
        // next person to open without a network.
        if (copy && response.redirected) cache.delete(request, { ignoreSearch: true });
        return response;
      }, function (error) {
        if (copy) return copy;
        throw error;
      });
    });
  });
}

function staticFile(request) {
  return caches.open(PAGES).then(function (cache) {
    return cache.match(request).then(function (copy) {
      return copy || fetch(request);
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(offlinePage(request));
  } else if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(staticFile(request));
  }
});
