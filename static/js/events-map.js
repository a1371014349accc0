/* The events calendar's map: each coming walk and dialogue with a place, as a marker with its
   title (as text), on the base map of est-map.js. The list above says the same in words. */
(function () {
  "use strict";
  var element = document.getElementById("events-map");
  var dataElement = document.getElementById("events-map-data");
  if (!element || !dataElement) return;
  var events = JSON.parse(dataElement.textContent);
  var map = estMap.baseMap(element);
  var markers = L.featureGroup(events.map(function (event) {
    return L.circleMarker(event.point, {
      radius: 9, color: "#ffffff", weight: 3, fillColor: "#14507a", fillOpacity: 1,
    });
  }));
  estMap.fit(map, [markers], { maxZoom: 15, padding: [60, 40] });
  markers.addTo(map);
  markers.getLayers().forEach(function (marker, index) {
    marker.bindTooltip(estMap.text(events[index].place), { direction: "top" });
  });
})();
