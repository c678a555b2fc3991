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
writeFileSync('dist/land-50m.geojson', JSON.stringify(feature(land, land.objects.land)));
console.log('review UI built into dist/');
