// Converts world-atlas's land-50m TopoJSON (Natural Earth 1:50m land, public domain) into the
// gzipped GeoJSON that AisMonitor embeds (src/AisMonitor.Ingestion/Coastline/Data/land-50m.geojson.gz).
// Run: cd scripts/coastline && npm ci && npm run build
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const topojson = require('topojson-client');
const land = require('world-atlas/land-50m.json');

const feature = topojson.feature(land, land.objects.land);
const out = path.join(__dirname, '..', '..', 'src', 'AisMonitor.Ingestion', 'Coastline', 'Data', 'land-50m.geojson.gz');
const json = JSON.stringify({ type: 'FeatureCollection', features: feature.type === 'FeatureCollection' ? feature.features : [feature] });
fs.writeFileSync(out, zlib.gzipSync(Buffer.from(json), { level: 9 }));
console.log(`${out}: ${json.length} bytes of GeoJSON`);
