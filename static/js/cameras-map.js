/* Camera maps: municipal boundaries, each camera's filmed area and its position, on the base
   map of est-map.js. Every map has the same content as a table next to it. */
(function () {
  "use strict";

  var STYLE = {
    areas: { color: "#a3161a", weight: 2, fillColor: "#e69f00", fillOpacity: 0.35 },
    camera: { radius: 7, color: "#ffffff", weight: 2, fillColor: "#14507a", fillOpacity: 1 },
  };

  function show(elementId, layers) {
    var map = estMap.baseMap(elementId);
    var boundaries = estMap.outlines(map, layers.boundaries, estMap.STYLE.boundaries);
    var areas = L.geoJSON(layers.areas, { style: STYLE.areas, interactive: false }).addTo(map);
    var cameras = L.geoJSON(layers.cameras, {
      pointToLayer: function (feature, latlng) { return L.circleMarker(latlng, STYLE.camera); },
      onEachFeature: function (feature, layer) {
        layer.bindTooltip(estMap.text(feature.properties.name), { direction: "top" });
      },
    }).addTo(map);
    var bounds = cameras.getBounds();
    if (areas.getBounds().isValid()) bounds.extend(areas.getBounds());
    if (bounds.isValid()) {
      map.fitBounds(bounds.pad(0.3), { maxZoom: 17 });
    } else {
      estMap.fit(map, [boundaries]);
    }
    return map;
  }

  /* Adds the boundaries to django-leaflet's form maps (placing a camera) once they exist. */
  function contextForForms(layers) {
    window.addEventListener("map:init", function (event) {
      var map = event.detail.map;
      var boundaries = estMap.outlines(map, layers.boundaries, estMap.STYLE.boundaries);
      if (!event.detail.field || !map.getBounds) return;
      if (boundaries.getBounds().isValid() && !event.detail.field.value) {
        map.fitBounds(boundaries.getBounds());
      }
    });
  }

  window.camerasMap = { show: show, contextForForms: contextForForms };
})();
