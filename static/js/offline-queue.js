/* The offline queue: forms marked ``data-offline-queue`` (a walk's findings, the incident form,
   the round report) are kept in IndexedDB, photos included, and sent when the network allows:
   at once, on page load, when the browser says it is online again, and after a failure with a
   growing pause. Each form carries its own key (submission_key or idempotency_key), made anew for
   every new form, and the server files a key once: a resend after a lost answer files nothing
   twice. The list in #offline-queue always shows what is still waiting.

   Without scripts (or without IndexedDB) the forms post as usual. What the server refuses while
   the form is still on the screen is posted once more the ordinary way, so that the page shows
   the messages next to the fields with everything typed kept. No library: the one that does
   this well (Workbox background sync) needs a build step, and this is small. */
(function () {
  "use strict";

  var DB_NAME = "est-offline";
  var STORE = "submissions";
  var PAGES = "est-pages-v1";
  var KEY_FIELDS = ["submission_key", "idempotency_key"];
  var MAX_PAUSE = 60000;

  var panel = document.getElementById("offline-queue");
  var forms = document.querySelectorAll("form[data-offline-queue]");
  if (!panel || !forms.length || !window.indexedDB || !window.fetch || !window.Promise) return;

  var text = panel.dataset;
  var user = text.user || "";
  var statusElement = document.getElementById("offline-queue-status");
  var list = document.getElementById("offline-queue-items");
  var busy = false;
  var failures = 0;
  var timer = null;

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  /* Returns a new random UUID (version 4). */
  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  /* --- IndexedDB: one object store of submissions, by key ----------------------------------- */
  var database = null;
  function db() {
    if (database) return Promise.resolve(database);
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE, { keyPath: "key" }); };
      request.onsuccess = function () { database = request.result; resolve(database); };
      request.onerror = function () { reject(request.error); };
    });
  }

  /* Runs ``work(store)`` in a transaction and resolves with its request's result. */
  function withStore(mode, work) {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var transaction = d.transaction(STORE, mode);
        var request = work(transaction.objectStore(STORE));
        transaction.oncomplete = function () { resolve(request && request.result); };
        transaction.onerror = function () { reject(transaction.error); };
        transaction.onabort = function () { reject(transaction.error); };
      });
    });
  }
  /* Everything kept on this device, the oldest first. */
  function everything() {
    return withStore("readonly", function (store) { return store.getAll(); }).then(function (items) {
      return items.sort(function (a, b) { return a.created < b.created ? -1 : 1; });
    });
  }

  /* Whether the person logged in now recorded ``entry``: on a shared phone, what one person
     kept is sent only under their own login, never under the next person's name. (Entries kept
     before the queue noted its author count as the present person's.) */
  function mine(entry) { return (entry.user || user) === user; }

  /* What the person logged in now has waiting, the oldest first. */
  function all() { return everything().then(function (items) { return items.filter(mine); }); }
  function put(item) { return withStore("readwrite", function (store) { return store.put(item); }); }
  function remove(key) { return withStore("readwrite", function (store) { return store.delete(key); }); }

  /* --- Forms ---------------------------------------------------------------------------------- */
  function keyField(form) {
    for (var i = 0; i < KEY_FIELDS.length; i++) {
      var field = form.querySelector("input[name='" + KEY_FIELDS[i] + "']");
      if (field) return field;
    }
    return null;
  }

  /* Returns the form's fields as [name, value] pairs; a file input without a file is left out. */
  function fields(form, submitter) {
    var data = new FormData(form);
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    var pairs = [];
    data.forEach(function (value, name) {
      if (typeof value !== "string" && !value.size && !value.name) return;
      pairs.push([name, value]);
    });
    return pairs;
  }

  function item(form, submitter) {
    var recorded = form.querySelector("input[name='recorded_at']");
    if (recorded) recorded.value = new Date().toISOString();
    var key = keyField(form);
    return {
      key: key ? key.value : uuid(),
      url: form.action,
      page: location.pathname,
      form: form.id,
      label: form.dataset.queueLabel || document.title,
      user: user,
      created: new Date().toISOString(),
      fields: fields(form, submitter),
      state: "waiting",
      message: "",
    };
  }

  /* Clears the form for the next one, under a new key. */
  function fresh(form) {
    form.reset();
    var key = keyField(form);
    if (key) key.value = uuid();
    var recorded = form.querySelector("input[name='recorded_at']");
    if (recorded) recorded.value = "";
    form.dispatchEvent(new CustomEvent("offline-queue:fresh"));
  }

  /* The ordinary post of the form, for the server to show its messages next to the fields. */
  function postPlainly(form, submitter) {
    if (submitter && submitter.name) {
      var hidden = document.createElement("input");
      hidden.type = "hidden";
      hidden.name = submitter.name;
      hidden.value = submitter.value;
      form.appendChild(hidden);
    }
    HTMLFormElement.prototype.submit.call(form);
  }

  /* Puts a refused submission back into its form on this page (photos too) to be corrected. */
  function reopen(entry) {
    var form = document.getElementById(entry.form);
    if (!form) return;
    form.reset();
    var files = {};
    entry.fields.forEach(function (pair) {
      var element = form.elements[pair[0]];
      if (!element || pair[0] === "csrfmiddlewaretoken") return;
      if (typeof pair[1] !== "string") {
        (files[pair[0]] = files[pair[0]] || new DataTransfer()).items.add(pair[1]);
      } else if (element instanceof RadioNodeList || element.type === "radio") {
        element.value = pair[1];
      } else if (element.type === "checkbox") {
        element.checked = true;
      } else {
        element.value = pair[1];
      }
    });
    Object.keys(files).forEach(function (name) { form.elements[name].files = files[name].files; });
    form.querySelectorAll("input[name$='latitude']").forEach(function (input) {
      input.dispatchEvent(new Event("change"));
    });
    remove(entry.key).then(show);
    form.scrollIntoView();
    var first = form.querySelector("input:not([type='hidden']), textarea, select");
    if (first) first.focus();
  }

  /* --- Sending -------------------------------------------------------------------------------- */
  function currentToken() {
    var input = document.querySelector("input[name='csrfmiddlewaretoken']");
    return input ? input.value : "";
  }

  function isLogin(url) {
    return new URL(url, location.href).pathname.indexOf(text.loginUrl) === 0;
  }

  function reasons(errors) {
    var messages = [];
    Object.keys(errors || {}).forEach(function (name) {
      errors[name].forEach(function (error) { messages.push(error.message); });
    });
    return messages.join(" ");
  }

  /* Sends one submission. Resolves with "sent", "refused" (with ``entry.message``), "login"
     (the session ended) or "later" (no network, or the server could not take it now). */
  function send(entry) {
    var body = new FormData();
    var token = currentToken();
    entry.fields.forEach(function (pair) {
      // The token of the page on the screen: an older one stops working at the next login.
      if (pair[0] === "csrfmiddlewaretoken" && token) return;
      if (typeof pair[1] === "string") body.append(pair[0], pair[1]);
      else body.append(pair[0], pair[1], pair[1].name || "photo.jpg");
    });
    if (token) body.append("csrfmiddlewaretoken", token);
    return fetch(entry.url, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { Accept: "application/json" },
    }).then(function (response) {
      if (isLogin(response.url) || response.status === 401 || response.status === 403) return "login";
      if (response.status >= 500 || response.status === 429) return "later";
      var json = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
      if (json) {
        return response.json().then(function (answer) {
          if (response.ok) {
            entry.next = answer.next;
            return "sent";
          }
          entry.message = format(text.msgRefused, { reason: reasons(answer.errors) });
          return "refused";
        });
      }
      // An ordinary page is no answer of ours (a hotspot's login page, a proxy): try again later.
      return "later";
    }, function () { return "later"; });
  }

  function schedule() {
    clearTimeout(timer);
    var pause = Math.min(MAX_PAUSE, 2000 * Math.pow(2, failures - 1));
    timer = setTimeout(flush, pause);
    return pause;
  }

  var note = "";

  /* Sends everything waiting, oldest first, one at a time; stops at the first "no network". */
  function flush() {
    if (busy) return Promise.resolve();
    busy = true;
    clearTimeout(timer);
    var sentNow = [];
    var outcome = "done";
    return all().then(function (items) {
      var waiting = items.filter(function (entry) { return entry.state !== "refused"; });
      return waiting.reduce(function (chain, entry) {
        return chain.then(function () {
          if (outcome !== "done") return;
          return send(entry).then(function (result) {
            if (result === "sent") {
              sentNow.push(entry);
              return remove(entry.key);
            }
            if (result === "refused") {
              entry.state = "refused";
              return put(entry);
            }
            outcome = result;
          });
        });
      }, Promise.resolve());
    }).then(function () {
      busy = false;
      if (outcome === "later") {
        failures += 1;
        note = (navigator.onLine === false ? text.msgOffline + " " : "") +
          format(text.msgRetry, { seconds: Math.round(schedule() / 1000) });
      } else if (outcome === "login") {
        note = text.msgLogin;
      } else {
        failures = 0;
        note = sentNow.map(function (entry) { return format(text.msgSent, { label: entry.label }); }).join(" ");
      }
      return show().then(function (left) {
        if (sentNow.length && !left.length) showResults();
      });
    }, function (error) { busy = false; throw error; });
  }

  /* What was sent belongs in the page's own lists, which the server draws: a page that has them
     (``data-results``) is loaded again, with the note of what was sent. */
  function showResults() {
    if (!panel.hasAttribute("data-results")) return;
    sessionStorage.setItem("offline-queue-note", note);
    location.assign(text.offlinePage);
  }

  /* --- The list of what is waiting -------------------------------------------------------------- */
  function show() {
    return everything().then(function (kept) {
      var items = kept.filter(mine);
      var others = kept.length - items.length;
      list.textContent = "";
      items.forEach(function (entry) {
        var li = document.createElement("li");
        li.className = "offline-queue__item offline-queue__item--" + entry.state;
        var title = document.createElement("strong");
        title.textContent = entry.label;
        li.appendChild(title);
        var photos = entry.fields.filter(function (pair) { return typeof pair[1] !== "string"; }).length;
        var when = new Date(entry.created).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
        var details = " · " + format(text.msgRecorded, { time: when }) +
          (photos ? " · " + format(text.msgPhotos, { count: photos }) : "");
        li.appendChild(document.createTextNode(details));
        if (entry.state === "refused") {
          var why = document.createElement("p");
          why.textContent = entry.message;
          li.appendChild(why);
          if (document.getElementById(entry.form)) li.appendChild(button(text.msgOpen, function () { reopen(entry); }));
        }
        li.appendChild(button(text.msgRemove, function () {
          if (window.confirm(text.msgRemoveConfirm)) remove(entry.key).then(show);
        }));
        list.appendChild(li);
      });
      panel.hidden = !items.length && !note && !others;
      var count = items.length ? format(text.msgCount, { count: items.length }) : text.msgNone;
      statusElement.textContent = (note ? note + " " : "") + count +
        (others ? " " + format(text.msgOthers, { count: others }) : "");
      return items;
    });
  }

  function button(label, action) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "button button--quiet";
    element.textContent = label;
    element.addEventListener("click", action);
    return element;
  }

  /* --- Submitting a form through the queue --------------------------------------------------- */
  function submitted(event) {
    var form = event.target;
    event.preventDefault();
    var submitter = event.submitter;
    var entry = item(form, submitter);
    put(entry).then(function () {
      if (busy) return "later";
      busy = true;
      return send(entry).then(function (result) { busy = false; return result; });
    }).then(function (result) {
      if (result === "refused") {
        return remove(entry.key).then(function () { postPlainly(form, submitter); });
      }
      if (result === "sent") {
        return remove(entry.key).then(function () {
          if (entry.next) {
            location.assign(entry.next);
            return;
          }
          note = format(text.msgSent, { label: entry.label });
          fresh(form);
          return show().then(showResults);
        });
      }
      note = result === "login" ? text.msgLogin : format(text.msgQueued, { label: entry.label });
      fresh(form);
      if (result === "later") {
        failures += 1;
        schedule();
      }
      return show().then(function () { panel.scrollIntoView(); });
    }).catch(function () {
      // IndexedDB is unavailable (a private window may refuse it): post the ordinary way.
      postPlainly(form, submitter);
    });
  }

  /* --- Offline pages: the service worker and the page's copy --------------------------------- */
  function keepPageForOffline() {
    if (!("serviceWorker" in navigator) || !window.caches) return;
    navigator.serviceWorker.register("/sw.js").then(function () {
      var assets = [text.offlinePage];
      document.querySelectorAll("script[src], link[rel='stylesheet'], link[rel='manifest'], link[rel='icon']").forEach(function (element) {
        assets.push(element.src || element.href);
      });
      return caches.open(PAGES).then(function (cache) { return cache.addAll(assets); });
    }).catch(function () { /* the page still works online */ });
  }

  forms.forEach(function (form) { form.addEventListener("submit", submitted); });
  document.getElementById("offline-queue-send").addEventListener("click", function () { failures = 0; flush(); });
  window.addEventListener("online", function () { failures = 0; flush(); });
  note = sessionStorage.getItem("offline-queue-note") || "";
  sessionStorage.removeItem("offline-queue-note");
  keepPageForOffline();
  show().then(flush);

  window.offlineQueue = { flush: flush, waiting: all };
})();
