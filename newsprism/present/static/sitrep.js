/* newsprism sitrep: the map (Leaflet + Natural Earth shapes, no tile server). Text from articles is only ever set
   with textContent, never as HTML. */
(function () {
  "use strict";
  function json(id) { var el = document.getElementById(id); return el ? JSON.parse(el.textContent) : null; }
  var box = document.getElementById("map");
  var data = json("sitrep-data");
  var topo = json("sitrep-countries");
  if (!box || !data || !topo || typeof L === "undefined" || typeof topojson === "undefined") { return; }

  var map = L.map(box, { worldCopyJump: false, minZoom: 1, maxZoom: 10, zoomSnap: 0.25 }).setView([20, 0], 1);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Leaflet · Natural Earth");
  var focus = {};
  data.countries.forEach(function (id) { focus[String(id)] = true; });
  var shapes = L.geoJSON(topojson.feature(topo, topo.objects.countries), {
    style: function (feature) {
      var hit = focus[String(feature.id)] === true;
      return { color: "#7a8590", weight: hit ? 1.2 : 0.5, fillColor: hit ? "#f3d48b" : "#eef0ec", fillOpacity: 1 };
    }
  }).addTo(map);

  function popup(marker) {
    var div = document.createElement("div");
    var head = document.createElement("b");
    head.textContent = marker.place;
    div.appendChild(head);
    marker.stories.forEach(function (s) {
      var line = document.createElement("div");
      var a = document.createElement("a");
      a.href = "#" + s.anchor;
      a.textContent = s.label + (s.corroboration > 1 ? " (" + s.corroboration + " outlets)" : "");
      line.appendChild(a);
      div.appendChild(line);
    });
    return div;
  }

  var bounds = [];
  data.markers.forEach(function (m) {
    var n = m.stories.reduce(function (acc, s) { return Math.max(acc, s.corroboration); }, 1);
    var circle = L.circleMarker([m.lat, m.lon], {
      radius: 5 + 2 * Math.min(n, 4), color: "#8a1c1c", weight: 2, fillColor: "#d94c3d", fillOpacity: 0.75,
      dashArray: m.precision > 1 ? "4 3" : null, className: "event-marker"
    });
    circle.bindPopup(popup(m));
    circle.addTo(map);
    bounds.push([m.lat, m.lon]);
  });

  var focusBounds = null;
  shapes.eachLayer(function (layer) {
    if (focus[String(layer.feature.id)] === true) {
      focusBounds = focusBounds ? focusBounds.extend(layer.getBounds()) : L.latLngBounds(layer.getBounds());
    }
  });
  if (focusBounds) {
    bounds.forEach(function (b) { focusBounds.extend(b); });
    map.fitBounds(focusBounds, { padding: [20, 20], maxZoom: 7 });
  } else if (bounds.length) {
    map.fitBounds(L.latLngBounds(bounds), { padding: [30, 30], maxZoom: 7 });
  }
})();
