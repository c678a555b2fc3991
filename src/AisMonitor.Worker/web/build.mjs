// Bundles the review UI into dist/: app.js (the app, Leaflet and topojson-client), app.css (Leaflet's
// and ours), index.html, and the Natural Earth 1:50m land of the world-atlas package as GeoJSON, so
// the map needs no tile server and no internet.
import { build } from 'esbuild';
import { mkdirSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { feature } from 'topojson-client';

mkdirSync('dist', { recursive: true });
await build({ entryPoints: ['src/app.js'], bundle: true, minify: true, sourcemap: true, outfile: 'dist/app.js', target: 'es2020', legalComments: 'linked' });
await build({ entryPoints: ['src/app.css'], bundle: true, minify: true, outfile: 'dist/app.css', loader: { '.png': 'dataurl', '.svg': 'dataurl' } });
copyFileSync('src/index.html', 'dist/index.html');
copyFileSync('src/favicon.svg', 'dist/favicon.svg');
const land = JSON.parse(readFileSync('node_modules/world-atlas/land-50m.json', 'utf8'));
// A ring that crosses the antimeridian (Chukotka, Wrangel Island, Fiji) jumps from +180 to -180 and back:
// on a flat map it must be two rings, one each side, or it draws as a band across the whole world.
const jumps = (ring) => ring.flatMap((p, i) => (i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180 ? [i] : []));
const split = (ring) => {
  const at = jumps(ring);
  if (at.length === 1) {
    // Antarctica goes once around the world: close it over the South Pole instead of straight across.
    const i = at[0];
    const [from, to] = [ring[i - 1], ring[i]];
    const side = Math.sign(from[0]);
    return [[...ring.slice(0, i), [180 * side, from[1]], [180 * side, -90], [-180 * side, -90], [-180 * side, to[1]], ...ring.slice(i)]];
  }
  if (at.length !== 2) return [ring];
  const [a, b] = at;
  const inner = ring.slice(a, b);
  const outer = [...ring.slice(0, a), ...ring.slice(b)];
  return [[...inner, inner[0]], outer];
};
const geojson = feature(land, land.objects.land);
for (const f of geojson.features ?? [geojson]) {
  const g = f.geometry;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  g.type = 'MultiPolygon';
  g.coordinates = polygons.flatMap(([shell, ...holes]) => {
    const parts = split(shell);
    return parts.length === 1 ? [[shell, ...holes]] : [[parts[0]], [parts[1], ...holes]];
  });
}
writeFileSync('dist/land-50m.geojson', JSON.stringify(geojson));
console.log('review UI built into dist/');
