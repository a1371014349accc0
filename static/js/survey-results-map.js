/* The places residents avoid, as the density map of a survey's results: square cells, darker
   where more responses marked a place. Only cells with enough responses reach the page; the
   table under the map says the same in words. */
(function () {
  "use strict";
  var element = document.getElementById("avoided-map");
  var dataElement = document.getElementById("avoided-cells");
  if (!element || !dataElement) return;
  var cells = JSON.parse(dataElement.textContent);
  var most = 1;
  cells.features.forEach(function (cell) { most = Math.max(most, cell.properties.responses); });
  var map = estMap.baseMap(element);
  var layer = L.geoJSON(cells, {
    interactive: false,
    style: function (cell) {
      return {
        color: "#7a1f24", weight: 1, fillColor: "#a4262c",
        fillOpacity: 0.2 + 0.6 * cell.properties.responses / most,
      };
    },
  }).addTo(map);
  estMap.fit(map, [layer], { maxZoom: 15 });
})();
