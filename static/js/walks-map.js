/* A safety walk's public map: the meeting point and the route, on the base map of est-map.js.
   The page says the same in words above it. */
(function () {
  "use strict";
  var element = document.getElementById("walk-map");
  var dataElement = document.getElementById("walk-map-data");
  if (!element || !dataElement) return;
  var data = JSON.parse(dataElement.textContent);
  var map = estMap.baseMap(element);
  var route = data.route && L.geoJSON(data.route, { style: { color: "#7a3b00", weight: 4 }, interactive: false });
  var point = L.circleMarker(data.point, {
    radius: 10, color: "#ffffff", weight: 3, fillColor: "#14507a", fillOpacity: 1,
  });
  // The view first: a permanent tooltip needs a map that already has one.
  // Room around the route for the meeting place's label, which stands centred over its point.
  estMap.fit(map, [route, L.featureGroup([point])], { maxZoom: 16, padding: [90, 50] });
  if (route) route.addTo(map);
  point.bindTooltip(estMap.text(data.place), { permanent: true, direction: "top" }).addTo(map);
})();
