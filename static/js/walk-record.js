/* The walk page's map: the finding's place is marked as on the incident form (reports.js: tap,
   "use my position", or the latitude and longitude fields for the keyboard), over the walk's
   route and the findings sent so far. The findings are also listed on the page in words. */
(function () {
  "use strict";
  var place = document.getElementById("finding-position");
  var dataElement = document.getElementById("walk-record-map");
  if (!place || !dataElement || !window.reportsMap) return;
  var data = JSON.parse(dataElement.textContent);
  var map = reportsMap.filing(place, {
    boundaries: data.boundary,
    messages: JSON.parse(document.getElementById("marking-messages").textContent),
  });
  var route = L.geoJSON(data.route, { style: { color: "#7a3b00", weight: 4 }, interactive: false }).addTo(map);
  L.geoJSON(data.findings, {
    pointToLayer: function (feature, latlng) {
      return L.circleMarker(latlng, { radius: 7, color: "#14507a", weight: 2, fillColor: "#ffffff", fillOpacity: 1 });
    },
    onEachFeature: function (feature, layer) {
      layer.bindTooltip(estMap.text(feature.properties.category_name + " (" + feature.properties.unsafe + "/5)"));
    },
  }).addTo(map);
  var latitude = place.querySelector("input[name$='latitude']");
  if (!latitude.value) estMap.fit(map, [route], { maxZoom: 16, padding: [20, 20] });
})();
