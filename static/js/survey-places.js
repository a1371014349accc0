/* The survey's places question: a resident marks the places they avoid on the map by tapping
   it, or, with the keyboard alone, by moving the map with the arrow keys and pressing "Mark the
   middle of the map". The places go to the form's hidden field as [[lat, lng], ...]; what was
   marked before a refused sending is shown again. */
(function () {
  "use strict";
  var element = document.getElementById("places-map");
  var input = document.getElementById("id_places");
  var dataElement = document.getElementById("places-boundary");
  if (!element || !input || !dataElement) return;
  var MAX = parseInt(element.getAttribute("data-max"), 10) || 5;
  var status = document.getElementById("places-status");
  var template = status.getAttribute("data-template");
  var map = estMap.baseMap(element);
  var boundary = estMap.outlines(map, JSON.parse(dataElement.textContent).boundary, estMap.STYLE.boundary);
  estMap.fit(map, [boundary]);
  var markers = L.layerGroup().addTo(map);
  var places = [];
  try { places = JSON.parse(input.value || "[]"); } catch (error) { places = []; }

  function draw() {
    markers.clearLayers();
    places.forEach(function (place) {
      L.circleMarker(place, {
        radius: 9, color: "#ffffff", weight: 3, fillColor: "#a4262c", fillOpacity: 1, interactive: false,
      }).addTo(markers);
    });
    input.value = places.length ? JSON.stringify(places) : "";
    status.textContent = template.replace("%(count)s", places.length).replace("%(max)s", MAX);
  }

  function mark(latlng) {
    if (places.length >= MAX) return;
    places.push([Math.round(latlng.lat * 1e6) / 1e6, Math.round(latlng.lng * 1e6) / 1e6]);
    draw();
  }

  map.on("click", function (event) { mark(event.latlng); });
  document.getElementById("places-mark-centre").addEventListener("click", function () {
    mark(map.getCenter());
  });
  document.getElementById("places-undo").addEventListener("click", function () {
    places.pop();
    draw();
  });
  document.getElementById("places-tools").hidden = false;
  draw();
})();
