#!/usr/bin/env bash
# Reproduce newsprism/present/static/ (the sitrep's map): Leaflet, topojson-client and the Natural Earth
# country shapes of world-atlas, installed from npm into a scratch directory and copied here.
# Usage: bash scripts/vendor-static.sh   (needs node + npm and access to the npm registry)
set -euo pipefail
LEAFLET=1.9.4
TOPOJSON_CLIENT=3.1.0
WORLD_ATLAS=2.0.2

root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/newsprism/present/static"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

cd "$scratch"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts \
  "leaflet@$LEAFLET" "topojson-client@$TOPOJSON_CLIENT" "world-atlas@$WORLD_ATLAS" >&2

mkdir -p "$dest"
cp node_modules/leaflet/dist/leaflet.js "$dest/leaflet.js"
cp node_modules/leaflet/dist/leaflet.css "$dest/leaflet.css"
cp node_modules/leaflet/LICENSE "$dest/LICENSE.leaflet.txt"
cp node_modules/topojson-client/dist/topojson-client.min.js "$dest/topojson-client.min.js"
cp node_modules/topojson-client/LICENSE "$dest/LICENSE.topojson-client.txt"
cp node_modules/world-atlas/countries-110m.json "$dest/countries-110m.json"
cp node_modules/world-atlas/LICENSE "$dest/LICENSE.world-atlas.txt"
# the source map comment would make the browser look for leaflet.js.map, which is not shipped
sed -i '/^\/\/# sourceMappingURL=/d' "$dest/leaflet.js"
sed -i 's#/\*\# sourceMappingURL=[^*]*\*/##' "$dest/leaflet.css"
echo "vendored into $dest" >&2
