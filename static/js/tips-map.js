/* The tips' maps. On the tip form the place is marked as on the incident form (reports.js:
   tap, "use my position", or the latitude and longitude fields for the keyboard). On the other
   pages the tips are drawn as points; each page lists the same tips in words. Category and
   status names reach the map as text only. */
(function () {
  "use strict";
  var place = document.getElementById("tip-position");
  if (place && window.reportsMap) {
    var filingMap = reportsMap.filing(place, {
      boundaries: JSON.parse(document.getElementById("tip-map-data").textContent).boundary,
      messages: JSON.parse(document.getElementById("marking-messages").textContent),
    });
    var typed = place.querySelector("[data-place-search]");
    var search = document.getElementById("place-search");
    if (typed && search && window.placeSearch) {
      var settings = JSON.parse(search.textContent);
      placeSearch(typed, {
        url: settings.url,
        messages: settings.messages,
        choose: function (found) {
          // As typing the coordinates does: reports.js moves the marker on "change".
          var latitude = place.querySelector("input[name$='latitude']");
          var longitude = place.querySelector("input[name$='longitude']");
          latitude.value = found.latitude.toFixed(6);
          longitude.value = found.longitude.toFixed(6);
          latitude.dispatchEvent(new Event("change"));
          filingMap.setView([found.latitude, found.longitude], 16);
        },
      });
    }
    return;
  }
  var element = document.getElementById("tips-map");
  var dataElement = document.getElementById("tips-map-data");
  if (!element || !dataElement) return;
  var data = JSON.parse(dataElement.textContent);
  var labels = data.labels || { category: {}, status: {} };
  var map = estMap.baseMap(element);
  var boundary = data.boundary && estMap.outlines(map, data.boundary, estMap.STYLE.boundary);

  function points(collection, colour) {
    return L.geoJSON(collection, {
      pointToLayer: function (feature, latlng) {
        return L.circleMarker(latlng, { radius: 7, color: colour, weight: 2, fillColor: "#ffffff", fillOpacity: 1 });
      },
      onEachFeature: function (feature, layer) {
        var p = feature.properties;
        var words = [labels.category[p.category] || p.category];
        if (p.status) words.push(labels.status[p.status] || p.status);
        layer.bindTooltip(estMap.text(words.join(" · ")));
      },
    }).addTo(map);
  }

  var layers = [];
  if (data.tip) layers.push(points(data.tip, "#a3161a"));
  if (data.nearby) layers.push(points(data.nearby, "#14507a"));
  var fitting = { maxZoom: 16, padding: [20, 20] };
  estMap.fit(map, layers.concat([boundary]), fitting);
  if (data.tipsUrl) {
    // The public map's tips come on their own (kept by the server), after the page.
    fetch(data.tipsUrl, { headers: { Accept: "application/geo+json" } })
      .then(function (response) { return response.json(); })
      .then(function (collection) {
        estMap.fit(map, [points(collection, "#14507a"), boundary], fitting);
      });
  }
})();
