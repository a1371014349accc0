/* Incident maps: marking the place when filing, and drawing the filtered incidents.
   The maps are an enhancement: every form works by keyboard with the latitude and longitude
   fields, and every map's content is also in a list or table. */
(function () {
  "use strict";

  function baseMap(element, boundaries) {
    var map = estMap.baseMap(element);
    estMap.fit(map, [estMap.outlines(map, boundaries, estMap.STYLE.boundary)]);
    return map;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  /* The filing map in the fieldset ``place`` (one per incident): a tap or click marks the place
     and fills latitude/longitude; typing the coordinates moves the marker; "use my position" asks
     the browser. ``settings`` holds the boundaries, the areas and the messages, shared by all. */
  function filing(place, settings) {
    var options = {
      latitude: place.querySelector("input[name$='latitude']"),
      longitude: place.querySelector("input[name$='longitude']"),
      status: place.querySelector("[data-map-status]"),
      myPosition: place.querySelector("[data-my-position]"),
      messages: settings.messages,
    };
    var map = baseMap(place.querySelector("[data-map]"), settings.boundaries);
    if (settings.areas && settings.areas.features && settings.areas.features.length) {
      // Named areas give a map without background tiles something to find one's way by, and
      // the towns they lie in are where most incidents happen: start there.
      var areas = L.geoJSON(settings.areas, {
        style: estMap.STYLE.areas,
        interactive: false,
        onEachFeature: function (feature, layer) {
          layer.bindTooltip(estMap.text(feature.properties.name), { permanent: true, direction: "center", className: "map-label" });
        },
      }).addTo(map);
      map.fitBounds(areas.getBounds(), { padding: [10, 10] });
    }
    var marker = null;

    function mark(lat, lon, announce) {
      var latLng = L.latLng(lat, lon);
      if (marker) {
        marker.setLatLng(latLng);
      } else {
        marker = L.circleMarker(latLng, {
          radius: 10, color: "#a3161a", weight: 3, fillColor: "#ffbf47", fillOpacity: 0.9,
        }).addTo(map);
      }
      if (announce) {
        options.status.textContent = format(options.messages.marked, {
          lat: lat.toFixed(5), lon: lon.toFixed(5),
        });
      }
    }

    function fill(lat, lon) {
      options.latitude.value = lat.toFixed(6);
      options.longitude.value = lon.toFixed(6);
      mark(lat, lon, true);
    }

    function fromFields() {
      var lat = parseFloat(options.latitude.value);
      var lon = parseFloat(options.longitude.value);
      if (isFinite(lat) && isFinite(lon)) {
        mark(lat, lon, false);
        return true;
      }
      return false;
    }

    map.on("click", function (event) { fill(event.latlng.lat, event.latlng.lng); });
    options.latitude.addEventListener("change", fromFields);
    options.longitude.addEventListener("change", fromFields);
    if (fromFields()) map.setView(marker.getLatLng(), Math.max(map.getZoom(), 15));

    if (navigator.geolocation && options.myPosition) {
      options.myPosition.hidden = false;
      options.myPosition.addEventListener("click", function () {
        options.status.textContent = options.messages.locating;
        navigator.geolocation.getCurrentPosition(
          function (position) {
            fill(position.coords.latitude, position.coords.longitude);
            map.setView(marker.getLatLng(), 16);
          },
          function () { options.status.textContent = options.messages.noPosition; },
          { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 }
        );
      });
    }
    return map;
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function local(date) {
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate()) +
      "T" + pad(date.getHours()) + ":" + pad(date.getMinutes());
  }
  function at(day, hours) {
    var d = new Date(day.getFullYear(), day.getMonth(), day.getDate());
    d.setHours(hours);
    return d;
  }
  function earliest(a, b) { return a < b ? a : b; }

  /* The same periods as reports/times.py, shown in the exact fields as soon as one is chosen. */
  function period(choice, now) {
    now = new Date(now.getFullYear(), now.getMonth(), now.getDate(), now.getHours(), now.getMinutes());
    var yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
    if (choice === "now") return [now, now];
    if (choice === "this_morning") {
      var start = at(now, 6);
      if (now < start) start = at(now, 0);
      return [start, earliest(now, at(now, 12))];
    }
    if (choice === "last_night") return [at(yesterday, 22), earliest(now, at(now, 6))];
    if (choice === "last_weekend") {
      var back = (now.getDay() - 5 + 7) % 7;
      var friday = at(new Date(now.getFullYear(), now.getMonth(), now.getDate() - back), 18);
      if (friday > now) friday = new Date(friday.getFullYear(), friday.getMonth(), friday.getDate() - 7, 18);
      var end = new Date(friday.getFullYear(), friday.getMonth(), friday.getDate() + 3, 6);
      return [friday, earliest(now, end)];
    }
    return null;
  }

  /* The quick choices of time in the fieldset ``when``: choosing one shows its period in the
     exact fields; typing an exact time chooses "other time". */
  function quickTimes(when) {
    var options = {
      radios: when.querySelectorAll("input[type='radio']"),
      from: when.querySelector("input[name$='occurred_from']"),
      to: when.querySelector("input[name$='occurred_to']"),
      exact: "exact",
    };
    function chosen() {
      for (var i = 0; i < options.radios.length; i++) {
        if (options.radios[i].checked) return options.radios[i];
      }
      return null;
    }
    function show() {
      var radio = chosen();
      var times = radio && period(radio.value, new Date());
      if (!times) return;
      options.from.value = local(times[0]);
      options.to.value = local(times[1]);
    }
    function exact() {
      options.radios.forEach(function (radio) { radio.checked = radio.value === options.exact; });
    }
    options.radios.forEach(function (radio) { radio.addEventListener("change", show); });
    options.from.addEventListener("input", exact);
    options.to.addEventListener("input", exact);
    if (!options.from.value) show();
  }

  /* The coordinators' map. For each view (after every pan and zoom) it asks for the filtered
     incidents in view: one by one where few are, each opening its page; counted per square where
     many are, the count written in the circle and a click zooming into the square. Police
     events, positioned only at the municipality's centre, are a layer of their own: dashed,
     hollow, counted, and labelled as approximate. */
  function incidents(options) {
    var map = baseMap(options.mapId, options.boundaries);
    var precise = L.layerGroup().addTo(map);
    var police = L.layerGroup().addTo(map);
    var layers = {};
    layers[options.messages.incidentsLayer] = precise;
    layers[options.messages.policeLayer] = police;
    L.control.layers(null, layers, { collapsed: false }).addTo(map);
    var latest = 0;

    function clamp(value, limit) { return Math.max(-limit, Math.min(limit, value)); }

    function countIcon(count, className) {
      var digits = String(count).length;
      var size = 26 + 8 * Math.min(digits, 5);
      return L.divIcon({
        className: className, html: "<span>" + Number(count) + "</span>",
        iconSize: [size, size],
      });
    }

    function drawIncidents(collection) {
      precise.clearLayers();
      collection.features.forEach(function (feature) {
        var c = feature.geometry.coordinates;
        var p = feature.properties;
        var latlng = L.latLng(c[1], c[0]);
        if (collection.kind === "cells") {
          var b = p.bounds;
          L.marker(latlng, {
            icon: countIcon(p.count, "map-cell"),
            title: format(options.messages.cell, { count: p.count }),
          }).on("click", function () {
            map.fitBounds([[b[1], b[0]], [b[3], b[2]]]);
          }).addTo(precise);
        } else {
          L.marker(latlng, {
            icon: L.divIcon({ className: "map-point", iconSize: [16, 16] }),
            title: p.category + ", " + p.occurred_from,
          }).on("click", function () { window.location.href = p.url; }).addTo(precise);
        }
      });
    }

    function drawPolice(collection) {
      police.clearLayers();
      collection.features.forEach(function (feature) {
        var c = feature.geometry.coordinates;
        var text = format(options.messages.police, {
          count: feature.properties.count, municipality: feature.properties.municipality,
        });
        L.marker(L.latLng(c[1], c[0]), {
          icon: countIcon(feature.properties.count, "map-police"), title: text,
          zIndexOffset: 1000,  // above the squares, which may cover the municipality's centre
        }).bindTooltip(estMap.text(text)).addTo(police);
      });
    }

    function load() {
      var bounds = map.getBounds();
      var query = new URLSearchParams(options.query);
      query.set("bbox", [
        clamp(bounds.getWest(), 180), clamp(bounds.getSouth(), 90),
        clamp(bounds.getEast(), 180), clamp(bounds.getNorth(), 90),
      ].map(function (n) { return n.toFixed(5); }).join(","));
      query.set("zoom", Math.round(map.getZoom()));
      var request = ++latest;
      fetch(options.url + "?" + query, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          if (request !== latest) return;  // the map has moved on; a newer answer is coming
          drawIncidents(data.incidents);
          drawPolice(data.police_events);
          var count = data.incidents.features.reduce(function (sum, f) {
            return sum + (f.properties.count || 1);
          }, 0);
          var template = data.incidents.kind === "cells" ? options.messages.cells : options.messages.points;
          options.status.textContent = format(template, { count: count });
        });
    }

    map.on("moveend", load);
    load();
    return map;
  }

  /* One incident's position (and the municipal boundaries) on the detail page. */
  function point(options) {
    var map = baseMap(options.mapId, options.boundaries);
    var latlng = L.latLng(options.point.coordinates[1], options.point.coordinates[0]);
    L.circleMarker(latlng, { radius: 10, color: "#a3161a", weight: 3, fillColor: "#ffbf47", fillOpacity: 0.9 }).addTo(map);
    map.setView(latlng, 14);
    return map;
  }

  /* The round report: each incident has a map of its own. "Add another incident" copies the
     empty incident from its <template> under the next number and moves the focus to its heading,
     so that a screen reader says where the new incident starts. */
  function round(settings) {
    var list = document.getElementById("round-incidents");
    var template = document.getElementById("round-incident-template");
    var total = document.querySelector("input[name$='-TOTAL_FORMS']");
    var most = parseInt(document.querySelector("input[name$='-MAX_NUM_FORMS']").value, 10);
    var add = document.getElementById("add-incident");
    list.querySelectorAll("[data-filing-map]").forEach(function (place) { filing(place, settings); });
    add.hidden = false;
    add.addEventListener("click", function () {
      var index = parseInt(total.value, 10);
      if (index >= most) return;
      list.insertAdjacentHTML("beforeend", template.innerHTML
        .replace(/__prefix__/g, String(index)).replace(/__number__/g, String(index + 1)));
      total.value = index + 1;
      add.disabled = index + 1 >= most;
      var incident = list.lastElementChild;
      filing(incident.querySelector("[data-filing-map]"), settings);
      incident.querySelector("h2").focus();
    });
  }

  /* The filing page or the round report page: the maps and the quick choices of time. */
  function filingPage(settings) {
    if (document.getElementById("round-incidents")) {
      round(settings);
    } else {
      filing(document.getElementById("file-position"), settings);
    }
    quickTimes(document.getElementById("when-fieldset"));
  }

  window.reportsMap = { filing: filing, filingPage: filingPage, incidents: incidents, point: point };
})();
