/* Logging out forgets the pages kept for offline use (offline-queue.js keeps them, sw.js answers
   with them without a network): on a shared phone the next person must not open the previous
   one's walk page, incident form or round report from the cache. The copies go when the logout
   form is sent, and again on any page shown to someone not logged in (the login page after a
   logout in another tab or an ended session). What waits in the offline queue (IndexedDB) is
   not touched here: nothing typed is lost. */
"use strict";

(function () {
  var PAGES = "est-pages-v1";
  if (!window.caches) return;
  var script = document.currentScript;
  if (script && script.dataset.signedIn !== "yes") {
    caches.delete(PAGES);
    return;
  }
  var form = document.querySelector(".logout-form");
  if (!form) return;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    function logOut() { form.submit(); }
    caches.delete(PAGES).then(logOut, logOut);
  });
})();
