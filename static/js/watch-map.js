/* The public map of active neighbourhood watch areas: the municipality's boundary and the
   areas as shapes, nothing else (no names, no households: the page says how many there are). */
(function () {
  "use strict";
  var element = document.getElementById("watch-map");
  var dataElement = document.getElementById("watch-map-data");
  if (!element || !dataElement) return;
  var data = JSON.parse(dataElement.textContent);
  var map = estMap.baseMap(element);
  var boundary = data.boundary && estMap.outlines(map, data.boundary, estMap.STYLE.boundary);
  var areas = L.geoJSON(data.areas, {
    style: { color: "#14507a", weight: 2, fillColor: "#14507a", fillOpacity: 0.25 },
    interactive: false,
  }).addTo(map);
  estMap.fit(map, [areas, boundary], { maxZoom: 16, padding: [20, 20] });
})();
