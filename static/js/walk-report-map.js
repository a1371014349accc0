/* A safety walk's report map: the route and the findings, numbered as in the list under it,
   on the base map of est-map.js. Labels reach the map as text, never as HTML. */
(function () {
  "use strict";
  var element = document.getElementById("walk-report-map");
  var dataElement = document.getElementById("walk-report-map-data");
  if (!element || !dataElement) return;
  var data = JSON.parse(dataElement.textContent);
  var map = estMap.baseMap(element);
  var route = data.route && L.geoJSON(data.route, { style: { color: "#7a3b00", weight: 4 }, interactive: false });
  var findings = L.featureGroup(data.findings.map(function (finding) {
    return L.circleMarker(finding.point, {
      radius: 9, color: "#ffffff", weight: 2, fillColor: "#14507a", fillOpacity: 1,
    }).bindTooltip(estMap.text(finding.label));
  }));
  // The view holds the whole route and every finding.
  estMap.fit(map, [L.featureGroup(route ? [route, findings] : [findings])], { maxZoom: 17, padding: [30, 30] });
  if (route) route.addTo(map);
  findings.addTo(map);
})();
