/* A typed address or place name as an ARIA 1.2 combobox with a listbox popup: as one types,
   the municipality's named places are suggested (the tip form's gazetteer, no outside
   service); Down and Up move among them, Enter or a tap chooses, Escape closes. Choosing calls
   ``options.choose(place)``. Names reach the page as text only (textContent). Without this
   script the field is a plain text field that the server looks up when the form is sent. */
(function () {
  "use strict";

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  window.placeSearch = function (input, options) {
    var listId = input.id + "-suggestions";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "place-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", options.messages.listLabel);
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.insertAdjacentElement("afterend", list);
    list.insertAdjacentElement("afterend", status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var places = [];
    var active = -1;
    var timer = null;
    var asked = 0;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      active = index;
      Array.prototype.forEach.call(list.children, function (option, n) {
        option.setAttribute("aria-selected", n === index ? "true" : "false");
      });
      if (index < 0) {
        input.removeAttribute("aria-activedescendant");
      } else {
        input.setAttribute("aria-activedescendant", listId + "-" + index);
        list.children[index].scrollIntoView({ block: "nearest" });
      }
    }

    function choose(index) {
      var place = places[index];
      input.value = place.name;
      close();
      options.choose(place);
      status.textContent = format(options.messages.chosen, { name: place.name });
    }

    function show(found) {
      places = found;
      list.replaceChildren();
      found.forEach(function (place, n) {
        var option = document.createElement("li");
        option.id = listId + "-" + n;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = place.name;
        // mousedown, not click: the field must not lose focus (and close the list) first.
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(n);
        });
        list.appendChild(option);
      });
      active = -1;
      list.hidden = found.length === 0;
      input.setAttribute("aria-expanded", found.length ? "true" : "false");
      var messages = options.messages;
      status.textContent = found.length === 0 ? messages.none
        : found.length === 1 ? messages.foundOne
        : format(messages.found, { count: found.length });
    }

    function ask() {
      var text = input.value.trim();
      if (text.length < 2) { show([]); status.textContent = ""; return; }
      var number = ++asked;
      fetch(options.url + "?" + new URLSearchParams({ q: text }), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { places: [] }; })
        .then(function (data) { if (number === asked) show(data.places || []); })
        .catch(function () { if (number === asked) show([]); });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 200);
    });
    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && places.length > 0;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!open) return;
        event.preventDefault();
        var next = active + (event.key === "ArrowDown" ? 1 : -1);
        if (next >= places.length) next = 0;
        if (next < 0) next = places.length - 1;
        highlight(next);
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault(); // choose the place; the form is sent with the next Enter
        choose(active);
      } else if (event.key === "Escape" && open) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", close);
  };
})();
