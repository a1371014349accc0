/* EST maps on Leaflet (served by django-leaflet). Boundaries and data are GeoJSON layers, so the
   map is useful even when no tile server answers; a tile layer is added only when configured. */
(function () {
  "use strict";

  var STYLE = {
    boundary: { color: "#14507a", weight: 3, fill: false },
    neighbours: { color: "#6b7780", weight: 1, fillColor: "#d9dfe4", fillOpacity: 0.6 },
    areas: { color: "#7a3b00", weight: 2, dashArray: "6 4", fillColor: "#e69f00", fillOpacity: 0.15 },
  };

  function boundaryLayers(map, layers) {
    if (layers.neighbours) {
      L.geoJSON(layers.neighbours, { style: STYLE.neighbours, interactive: false }).addTo(map);
    }
    var boundary = L.geoJSON(layers.boundary, { style: STYLE.boundary, interactive: false }).addTo(map);
    map.fitBounds(boundary.getBounds());
    return boundary;
  }

  /* Area names stay on the map from street level (zoom 13) up; further out they would pile
     on top of each other, so there they show on hover. */
  var LABEL_ZOOM = 13;

  function areaLayer(map, areas) {
    var layer = L.geoJSON(areas, { style: STYLE.areas }).addTo(map);
    function label() {
      var permanent = map.getZoom() >= LABEL_ZOOM;
      layer.eachLayer(function (area) {
        area.unbindTooltip();
        area.bindTooltip(area.feature.properties.name, {
          permanent: permanent, direction: "center", className: permanent ? "map-label" : "",
        });
      });
    }
    map.on("zoomend", label);
    label();
    return layer;
  }

  /* Draws a municipality with its neighbours and areas in the element with id elementId. */
  function show(elementId, layers) {
    var map = L.map(elementId, { zoomSnap: 0.5 });
    var tilesElement = document.getElementById("map-tiles");
    var tiles = tilesElement && JSON.parse(tilesElement.textContent);
    if (tiles && tiles.url) {
      L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 19 }).addTo(map);
    }
    boundaryLayers(map, layers);
    if (layers.areas) areaLayer(map, layers.areas);
    return map;
  }

  /* Adds the municipal boundary to django-leaflet's form maps (drawing an area) once they exist. */
  function contextForForms(layers) {
    window.addEventListener("map:init", function (event) {
      boundaryLayers(event.detail.map, layers);
    });
  }

  window.estMap = { show: show, contextForForms: contextForForms, STYLE: STYLE };
})();
