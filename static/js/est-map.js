/* EST maps on Leaflet (served by django-leaflet): the one place a map is set up. Boundaries and
   data are GeoJSON layers, so the map is useful even when no tile server answers; a tile layer
   is added only when one is configured (MAP_TILE_URL). Every name from the data reaches the map
   as text, never as HTML. */
(function () {
  "use strict";

  var STYLE = {
    boundary: { color: "#14507a", weight: 3, fill: false },
    boundaries: { color: "#14507a", weight: 2, fill: false },
    neighbours: { color: "#6b7780", weight: 1, fillColor: "#d9dfe4", fillOpacity: 0.6 },
    areas: { color: "#7a3b00", weight: 2, dashArray: "6 4", fillColor: "#e69f00", fillOpacity: 0.15 },
  };
  /* Where a map with nothing on it looks: Arboga and Kungsör. */
  var HOME = [59.39, 15.84];

  /* Returns ``value`` as a text node, for tooltips and popups: a name such as
     "<img src=x onerror=...>" shows as those characters and runs nothing. */
  function text(value) {
    return document.createTextNode(value == null ? "" : String(value));
  }

  /* Returns a new Leaflet map in the element (or element id), with the configured tiles. */
  function baseMap(element) {
    var map = L.map(element, { zoomSnap: 0.5 });
    var tilesElement = document.getElementById("map-tiles");
    var tiles = tilesElement && JSON.parse(tilesElement.textContent);
    if (tiles && tiles.url) {
      L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 19 }).addTo(map);
    }
    return map;
  }

  /* Adds ``geojson`` outlines to ``map`` in ``style`` and returns the layer. */
  function outlines(map, geojson, style) {
    return L.geoJSON(geojson, { style: style, interactive: false }).addTo(map);
  }

  /* Shows ``layers`` (or else the home view) whole on ``map``. */
  function fit(map, layers, options) {
    for (var i = 0; i < layers.length; i++) {
      var bounds = layers[i] && layers[i].getBounds();
      if (bounds && bounds.isValid()) {
        map.fitBounds(bounds, options);
        return;
      }
    }
    map.setView(HOME, 10);
  }

  function boundaryLayers(map, layers) {
    if (layers.neighbours) outlines(map, layers.neighbours, STYLE.neighbours);
    var boundary = outlines(map, layers.boundary, STYLE.boundary);
    fit(map, [boundary]);
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
        area.bindTooltip(text(area.feature.properties.name), {
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
    var map = baseMap(elementId);
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

  window.estMap = {
    STYLE: STYLE, text: text, baseMap: baseMap, outlines: outlines, fit: fit,
    show: show, contextForForms: contextForForms,
  };
})();
