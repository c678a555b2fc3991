// AisMonitor's review UI: the alert queue, an alert with its evidence and an offline map, a vessel.
// Plain DOM and fetch; every request goes to the worker's /api/ with the session cookie, and every
// change carries the session's anti-forgery token. No inline script or style (the CSP forbids it).
import L from 'leaflet';

const main = document.getElementById('main');
let session = null; // { name, role, csrf_token }
let land = null; // the Natural Earth land, loaded once

// ---- HTTP ----------------------------------------------------------------------------------------

async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && session?.csrf_token) headers['X-CSRF-Token'] = session.csrf_token;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  if (response.status === 401 && path !== '/api/session') {
    session = null;
    showSignIn();
    throw new Error('signed out');
  }
  const json = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
  if (!response.ok) throw new Error(json?.error ?? `${response.status} ${response.statusText}`);
  return json;
}

// ---- Elements ------------------------------------------------------------------------------------

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function link(href, ...children) {
  return el('a', { href, onclick: (e) => { if (!e.ctrlKey && !e.metaKey) { e.preventDefault(); go(href); } } }, ...children);
}

const when = (iso) => (iso ? iso.replace('T', ' ').replace(':00Z', 'Z') : '–');
const canTriage = () => session && (session.role === 'analyst' || session.role === 'admin');

// ---- Routing -------------------------------------------------------------------------------------

function go(href) {
  history.pushState(null, '', href);
  route();
}

let leave = () => {};

async function route() {
  leave();
  leave = () => {};
  if (!session) {
    try {
      session = await api('/api/session');
    } catch {
      showSignIn(); // not signed in (or the session ended)
      return;
    }
  }
  document.getElementById('who').textContent = `${session.name} (${session.role})`;
  document.getElementById('admin').hidden = session.role !== 'admin';
  document.getElementById('sign-out').hidden = false;
  const path = location.pathname;
  try {
    if (path === '/admin' && session.role === 'admin') await showAdmin();
    else if (path.startsWith('/alerts/')) await showAlert(decodeURIComponent(path.slice('/alerts/'.length)));
    else if (path.startsWith('/vessels/')) await showVessel(path.slice('/vessels/'.length));
    else await showQueue();
  } catch (error) {
    if (error.message !== 'signed out') main.replaceChildren(el('p', { class: 'error' }, error.message));
  }
}

function showSignIn() {
  document.getElementById('who').textContent = '';
  document.getElementById('sign-out').hidden = true;
  const message = el('p', { class: 'error', role: 'alert' });
  const form = el('form', { class: 'sign-in', onsubmit: async (e) => {
    e.preventDefault();
    try {
      session = await api('/api/session', { method: 'POST', body: { name: form.elements.name.value, password: form.elements.password.value } });
      route();
    } catch (error) {
      message.textContent = error.message;
    }
  } },
  el('h1', {}, 'Sign in'),
  el('label', {}, 'Name ', el('input', { name: 'name', autocomplete: 'username', required: true })),
  el('label', {}, 'Password ', el('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
  el('button', { type: 'submit' }, 'Sign in'), message);
  main.replaceChildren(form);
  form.elements.name.focus();
}

// ---- The queue -----------------------------------------------------------------------------------

const KINDS = ['transponder_gap', 'possible_dark_port_call', 'unusual_port_call', 'watch_list_sighting', 'identity_conflict', 'identity_change', 'encounter', 'loitering', 'position_spoofing'];
const STATUSES = ['new', 'acknowledged', 'escalated', 'dismissed', 'resolved'];
const FILTERS = ['kind', 'severity', 'status', 'mmsi', 'imo', 'name', 'from', 'to', 'bbox', 'watch_listed'];
// The columns; those with a sort key are sorted by the server (every page, not only those loaded).
const COLUMNS = [['severity', 'Severity', 'severity'], ['kind', 'Kind'], ['vessel_name', 'Vessel'], ['mmsi', 'MMSI'], ['start', 'Start', 'start'], ['end', 'End'],
  ['last_updated', 'Updated', 'updated'], ['status', 'Status'], ['assignee', 'Assignee']];
const SEVERITY_ORDER = { low: 0, medium: 1, high: 2 };

async function showQueue() {
  const params = new URLSearchParams(location.search);
  const query = new URLSearchParams();
  for (const key of FILTERS) if (params.get(key)) query.set(key, params.get(key));
  const sort = COLUMNS.some(([, , key]) => key && key === params.get('sort')) ? params.get('sort') : 'start';
  const descending = params.get('order') !== 'asc';
  query.set('sort', sort);
  query.set('order', descending ? 'desc' : 'asc');
  const [counts, page] = await Promise.all([api('/api/alerts/counts'), api(`/api/alerts?limit=100&${query}`)]);
  let rows = page.rows;
  let next = page.next;
  let selected = 0;
  const arrived = new Set();

  const setFilter = (key, value) => {
    const p = new URLSearchParams(location.search);
    if (value) p.set(key, value); else p.delete(key);
    go(`/?${p}`);
  };

  const chips = el('nav', { class: 'counts', 'aria-label': 'status' },
    link('/', `all ${Object.values(counts).reduce((a, b) => a + b, 0)}`),
    STATUSES.map((s) => {
      const p = new URLSearchParams(location.search);
      p.set('status', s);
      const chip = link(`/?${p}`, `${s} ${counts[s] ?? 0}`);
      if (params.get('status') === s) chip.classList.add('active');
      return chip;
    }));

  const select = (name, values) => el('select', { name, 'aria-label': name, onchange: (e) => setFilter(name, e.target.value) },
    el('option', { value: '' }, `any ${name}`), values.map((v) => el('option', { value: v, selected: params.get(name) === v }, v)));
  const text = (name, placeholder) => el('input', { name, placeholder, 'aria-label': name, value: params.get(name) ?? '', onchange: (e) => setFilter(name, e.target.value.trim()) });
  const filters = el('div', { class: 'filters' }, select('kind', KINDS), select('severity', ['low', 'medium', 'high']), text('name', 'vessel name'), text('mmsi', 'MMSI'), text('imo', 'IMO'),
    text('from', 'from (2024-01-01T00:00:00Z)'), text('to', 'to'), text('bbox', 'south,west,north,east'),
    el('label', {}, el('input', { type: 'checkbox', name: 'watch_listed', checked: params.get('watch_listed') === 'true', onchange: (e) => setFilter('watch_listed', e.target.checked ? 'true' : '') }), ' watch-listed'),
    link('/', 'clear'), ' export: ', ['geojson', 'csv'].map((f) => el('a', { href: `/api/alerts/export?format=${f}&${query}`, download: '' }, f)));

  // New arrivals are placed as the server orders: by the key, then start, then id.
  const keyOf = (r) => (sort === 'severity' ? [SEVERITY_ORDER[r.severity], r.start, r.id] : sort === 'updated' ? [r.last_updated, r.id] : [r.start, r.id]);
  const sortRows = () => rows.sort((a, b) => {
    const [x, y] = [keyOf(a), keyOf(b)];
    const i = x.findIndex((v, n) => v !== y[n]);
    const c = i < 0 ? 0 : x[i] < y[i] ? -1 : 1;
    return descending ? -c : c;
  });
  const header = el('tr', {}, COLUMNS.map(([, label, key]) => el('th', { scope: 'col', 'aria-sort': !key ? undefined : key === sort ? (descending ? 'descending' : 'ascending') : 'none' },
    key ? el('button', { onclick: () => { const p = new URLSearchParams(location.search); p.set('sort', key); p.set('order', key === sort && descending ? 'asc' : 'desc'); go(`/?${p}`); } }, label) : label)));
  const body = el('tbody');
  const more = el('button', { hidden: !next, onclick: async () => { const p = await api(`/api/alerts?limit=100&${query}&cursor=${next}`); rows.push(...p.rows); next = p.next; more.hidden = !next; draw(); } }, 'Load more');

  function draw() {
    sortRows();
    body.replaceChildren(...rows.map((r, i) => el('tr', { class: [i === selected ? 'selected' : '', arrived.has(r.id) ? 'new-arrival' : ''].join(' ').trim() || undefined, dataset: { id: r.id } },
      el('td', { class: `severity-${r.severity}` }, r.severity), el('td', {}, link(`/alerts/${encodeURIComponent(r.id)}`, r.kind.replaceAll('_', ' '))),
      el('td', {}, r.vessel_name ?? ''), el('td', {}, link(`/vessels/${r.mmsi}`, r.mmsi)), el('td', {}, when(r.start)), el('td', {}, r.end ? when(r.end) : 'open'),
      el('td', {}, when(r.last_updated)), el('td', {}, r.status), el('td', {}, r.assignee ?? ''))));
  }
  draw();
  main.replaceChildren(el('h1', {}, 'Alerts'), chips, filters,
    el('p', { class: 'help' }, 'Keys: j/k move, Enter opens, a acknowledges, e escalates, / filters by name. New alerts appear as they are written.'),
    el('table', { 'aria-label': 'alerts' }, el('thead', {}, header), body), more);

  // New alerts as the database announces them: the first page again, the new ones marked.
  const events = new EventSource('/api/alerts/events');
  events.addEventListener('alert', async () => {
    const fresh = await api(`/api/alerts?limit=100&${query}`);
    const known = new Set(rows.map((r) => r.id));
    for (const r of fresh.rows) if (!known.has(r.id)) { rows.push(r); arrived.add(r.id); }
    for (const r of fresh.rows) Object.assign(rows.find((x) => x.id === r.id), r);
    draw();
  });

  const keys = async (e) => {
    if (e.target.matches('input, select, textarea')) return;
    if (e.key === 'j' || e.key === 'k') {
      selected = Math.max(0, Math.min(rows.length - 1, selected + (e.key === 'j' ? 1 : -1)));
      draw();
      body.children[selected]?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter' && rows[selected]) {
      go(`/alerts/${encodeURIComponent(rows[selected].id)}`);
    } else if ((e.key === 'a' || e.key === 'e') && rows[selected] && canTriage()) {
      const status = e.key === 'a' ? 'acknowledged' : 'escalated';
      await api(`/api/alerts/${encodeURIComponent(rows[selected].id)}/triage`, { method: 'POST', body: { status } });
      rows[selected].status = status;
      draw();
    } else if (e.key === '/') {
      e.preventDefault();
      filters.querySelector('input[name=name]').focus();
    }
  };
  document.addEventListener('keydown', keys);
  leave = () => { events.close(); document.removeEventListener('keydown', keys); };
}

// ---- An alert ------------------------------------------------------------------------------------

function table(label, pairs) {
  return el('table', { 'aria-label': label }, el('tbody', {}, pairs.filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => el('tr', {}, el('th', { scope: 'row' }, k), el('td', {}, typeof v === 'object' ? JSON.stringify(v) : String(v))))));
}

// The evidence of any kind, flattened: scalars as rows, positions and lists summarised.
function evidenceRows(evidence, prefix = '') {
  const rows = [];
  for (const [key, value] of Object.entries(evidence ?? {})) {
    const name = (prefix + key).replaceAll('_', ' ');
    if (Array.isArray(value)) rows.push([name, value.length && value[0]?.lat !== undefined ? `${value.length} positions` : value.map(brief).join('; ')]);
    else if (value && typeof value === 'object' && value.lat !== undefined) rows.push([name, `${value.lat}, ${value.lon}${value.time ? ` at ${when(value.time)}` : ''}`]);
    else if (value && typeof value === 'object') rows.push(...evidenceRows(value, `${prefix}${key} `));
    else rows.push([name, value]);
  }
  return rows;
}

// One item of a list in words: a port candidate by its port, anything else by its name or its values.
function brief(v) {
  if (v === null || typeof v !== 'object') return String(v);
  if (v.port) return `${v.port.name}${v.port.country_name ? ` (${v.port.country_name})` : ''}: ${v.via_port_nautical_miles} nm via it, ${v.spare_hours} h to spare`;
  if (v.name) return v.name;
  return Object.values(v).map(brief).join(' ');
}

const EVIDENCE = ['gap', 'port_call', 'dark_port_call', 'encounter', 'identity_change', 'shared_mmsi', 'loitering', 'position_spoofing'];

async function showAlert(id) {
  const { alert, triage, history: changes, track } = await api(`/api/alerts/${encodeURIComponent(id)}`);
  const evidenceKind = EVIDENCE.find((k) => alert[k]);
  const mapBox = el('div', { id: 'map', role: 'img', 'aria-label': 'map of the alert' });
  const words = el('section', { 'aria-label': 'what fired and why' },
    el('h2', {}, 'What happened'), el('p', {}, alert.score_explanation), el('p', {}, el('strong', {}, `Severity ${alert.severity}: `), alert.severity_reason),
    el('h2', {}, 'Rules'),
    el('table', { class: 'rules', 'aria-label': 'rules' }, el('tbody', {}, alert.rules.map((r) => el('tr', {}, el('td', { class: r.fired ? 'fired' : undefined }, r.fired ? 'fired' : '–'), el('th', { scope: 'row' }, r.name), el('td', {}, r.detail))))));
  const evidence = el('section', {}, el('h2', {}, 'Evidence'), table('evidence', evidenceRows(evidenceKind ? alert[evidenceKind] : {})),
    alert.watch_lists ? table('watch lists', alert.watch_lists.map((m) => [m.list, `${m.listed_name} (matched on ${m.matched_on})`])) : null);
  const historyList = el('ol', { class: 'history', 'aria-label': 'history' }, changes.map((h) => el('li', {}, `${when(h.changed_at.slice(0, 19) + 'Z')} ${h.changed_by}: ${h.field} ${h.from ?? '–'} → ${h.to ?? '–'}`)));
  const status = el('p', {}, `Status: ${triage.status}${triage.assignee ? `, assigned to ${triage.assignee}` : ''}`, triage.dismissal_reason ? ` (${triage.dismissal_reason})` : '');
  const notes = el('pre', { 'aria-label': 'notes' }, triage.notes ?? '');

  let form = null;
  if (canTriage()) {
    const message = el('p', { class: 'error', role: 'alert' });
    form = el('form', { class: 'triage', 'aria-label': 'triage', onsubmit: async (e) => {
      e.preventDefault();
      const f = form.elements;
      try {
        await api(`/api/alerts/${encodeURIComponent(id)}/triage`, { method: 'POST', body: {
          status: f.status.value || null, dismissal_reason: f.reason.value || null, assignee: f.assignee.value || null, note: f.note.value || null } });
        route();
      } catch (error) {
        message.textContent = error.message;
      }
    } },
    el('label', {}, 'Status ', el('select', { name: 'status' }, el('option', { value: '' }, '(unchanged)'), STATUSES.map((s) => el('option', { value: s }, s)))),
    el('label', {}, 'Dismissal reason ', el('input', { name: 'reason' })),
    el('label', {}, 'Assignee ', el('input', { name: 'assignee', value: triage.assignee ?? '' })),
    el('label', {}, 'Note ', el('textarea', { name: 'note', rows: 2 })),
    el('button', { type: 'submit' }, 'Save'), message);
  }

  main.replaceChildren(
    el('p', {}, link('/', '← queue'), ' · ', link(`/vessels/${alert.mmsi}`, `vessel ${alert.vessel_name ?? ''} ${alert.mmsi}`)),
    el('h1', {}, `${alert.kind.replaceAll('_', ' ')}: ${alert.vessel_name ?? alert.mmsi}`),
    el('p', {}, `${when(alert.start)} → ${alert.end ? when(alert.end) : 'open'} · score ${alert.score}`),
    el('div', { class: 'detail' }, el('div', {}, words, evidence), el('div', {}, mapBox, el('h2', {}, 'Triage'), status, notes, form, el('h2', {}, 'History'), historyList)));
  await drawAlertMap(mapBox, alert, track ?? []);

  const keys = async (e) => {
    if (e.target.matches('input, select, textarea') || !canTriage()) return;
    if (e.key === 'a' || e.key === 'e') {
      await api(`/api/alerts/${encodeURIComponent(id)}/triage`, { method: 'POST', body: { status: e.key === 'a' ? 'acknowledged' : 'escalated' } });
      route();
    } else if (e.key === 'u') go('/');
  };
  document.addEventListener('keydown', keys);
  leave = () => document.removeEventListener('keydown', keys);
}

// Every list of positions in the evidence (a track, the other vessel's track), oldest first.
function tracks(evidence) {
  const found = [];
  for (const value of Object.values(evidence ?? {})) {
    if (Array.isArray(value) && value.length && value[0]?.lat !== undefined) found.push(value);
  }
  return found;
}

async function baseMap(box) {
  land ??= await (await fetch('/land-50m.geojson')).json();
  const map = L.map(box, { zoomSnap: 0.25, worldCopyJump: true, attributionControl: true });
  map.attributionControl.setPrefix(false).addAttribution('Land: Natural Earth (public domain) via world-atlas');
  L.geoJSON(land, { style: { color: '#8a9a7b', weight: 1, fillColor: '#e8e4d8', fillOpacity: 1 }, interactive: false }).addTo(map);
  return map;
}

async function drawAlertMap(box, alert, track) {
  const map = await baseMap(box);
  const layers = [];
  // The archived track 12 h either side (when positions are archived), under the evidence.
  if (track.length) layers.push(L.polyline(track.map((p) => [p.lat, p.lon]), { color: '#7a8793', weight: 2, className: 'archived-track' }).bindTooltip(`${track.length} archived positions`));
  const gap = alert.gap;
  if (gap) {
    const before = gap.positions.filter((p) => p.time <= gap.last_before.time);
    const after = gap.positions.filter((p) => gap.first_after && p.time >= gap.first_after.time);
    layers.push(L.polyline(before.map((p) => [p.lat, p.lon]), { color: '#13293d', weight: 3, className: 'track-before' }).bindTooltip('track before'));
    if (after.length) layers.push(L.polyline(after.map((p) => [p.lat, p.lon]), { color: '#2a6fdb', weight: 3, className: 'track-after' }).bindTooltip('track after'));
    if (gap.first_after) layers.push(L.polyline([[gap.last_before.lat, gap.last_before.lon], [gap.first_after.lat, gap.first_after.lon]], { color: '#b3261e', weight: 3, dashArray: '8 8', className: 'gap' }).bindTooltip(`silent ${gap.duration_hours} h`));
  }
  const evidence = EVIDENCE.map((k) => alert[k]).find(Boolean);
  if (!gap) for (const track of tracks(evidence)) layers.push(L.polyline(track.map((p) => [p.lat, p.lon]), { color: '#13293d', weight: 3, className: 'track' }));
  const call = alert.dark_port_call;
  if (call) {
    // Where the vessel could have been during the silence: every point whose detour from the last position to the
    // first after it fits the longest path it could sail (an ellipse on the sphere with those two as foci).
    layers.push(L.polygon(reachable(call.from, call.to, call.maximum_path_nautical_miles), { color: '#a15c00', weight: 1, fillOpacity: 0.08, className: 'reachable' })
      .bindTooltip(`reachable within the silence: up to ${call.maximum_path_nautical_miles} nm at ${call.top_speed_knots} kn`));
    for (const candidate of call.ports) {
      const port = candidate.port;
      layers.push(L.circleMarker([port.position.lat, port.position.lon], { radius: 7, color: '#b3261e', className: 'port' })
        .bindTooltip(`${port.name} (${port.country_name ?? ''}): ${candidate.spare_hours} h to spare`));
    }
  }
  if (alert.location) layers.push(L.circleMarker([alert.location.lat, alert.location.lon], { radius: 6, color: '#b3261e', fillOpacity: 0.8, className: 'location' }).bindTooltip('where it happened'));
  const group = L.featureGroup(layers).addTo(map);
  if (layers.length) map.fitBounds(group.getBounds().pad(0.3), { maxZoom: 9 });
  else map.setView([20, 0], 2);
}

// ---- Admin: users and watch lists --------------------------------------------------------------

async function showAdmin() {
  const [users, lists] = await Promise.all([api('/api/users'), api('/api/watch-lists')]);
  const message = el('p', { class: 'error', role: 'alert' });
  const act = (work) => async (e) => {
    e.preventDefault?.();
    try {
      await work(e);
      route();
    } catch (error) {
      message.textContent = error.message;
    }
  };
  const change = (name, body) => api(`/api/users/${encodeURIComponent(name)}`, { method: 'POST', body });
  const roles = ['viewer', 'analyst', 'admin'];
  const addUser = el('form', { class: 'triage', 'aria-label': 'add a user', onsubmit: act(async () => {
    const f = addUser.elements;
    await api('/api/users', { method: 'POST', body: { name: f.name.value, role: f.role.value, password: f.password.value } });
  }) },
  el('label', {}, 'Name ', el('input', { name: 'name', required: true })),
  el('label', {}, 'Role ', el('select', { name: 'role' }, roles.map((r) => el('option', { value: r }, r)))),
  el('label', {}, 'Password (12 characters or more) ', el('input', { name: 'password', type: 'password', required: true, autocomplete: 'new-password' })),
  el('button', { type: 'submit' }, 'Add user'));
  const upload = el('form', { class: 'triage', 'aria-label': 'upload a watch list', onsubmit: act(async () => {
    const f = upload.elements;
    const response = await fetch(`/api/watch-lists/${encodeURIComponent(f.name.value)}`, { method: 'PUT', body: f.file.files[0], headers: { 'X-CSRF-Token': session.csrf_token }, credentials: 'same-origin' });
    if (!response.ok) throw new Error((await response.json()).error);
  }) },
  el('label', {}, 'Name ', el('input', { name: 'name', required: true, pattern: '[A-Za-z0-9_-]{1,64}' })),
  el('label', {}, 'CSV (an imo and/or mmsi column, a name) ', el('input', { name: 'file', type: 'file', accept: '.csv,text/csv', required: true })),
  el('button', { type: 'submit' }, 'Upload'));
  main.replaceChildren(
    el('p', {}, link('/', '← queue')), el('h1', {}, 'Admin'), message,
    el('h2', {}, 'Users'),
    el('table', { 'aria-label': 'users' }, el('tbody', {}, users.map((u) => el('tr', {},
      el('th', { scope: 'row' }, u.name),
      el('td', {}, el('select', { 'aria-label': `role of ${u.name}`, onchange: act((e) => change(u.name, { role: e.target.value })) }, roles.map((r) => el('option', { value: r, selected: r === u.role }, r)))),
      el('td', {}, el('button', { onclick: act(() => change(u.name, { disabled: !u.disabled })) }, u.disabled ? 'Enable' : 'Disable')))))),
    addUser,
    el('h2', {}, 'Watch lists in force'),
    el('table', { 'aria-label': 'watch lists' }, el('tbody', {}, lists.map((l) => el('tr', {},
      el('th', { scope: 'row' }, l.name), el('td', {}, `${l.entries} entries`), el('td', {}, l.version),
      el('td', {}, l.managed ? el('button', { onclick: act(() => api(`/api/watch-lists/${encodeURIComponent(l.name)}`, { method: 'DELETE' })) }, 'Delete') : 'built in, or from a --watch-list file'))))),
    upload);
}

// ---- Geometry on the sphere (nautical miles, degrees) -------------------------------------------

const RADIUS_NM = 3440.065;
const rad = (d) => (d * Math.PI) / 180;
const deg = (r) => (r * 180) / Math.PI;

function distanceNm(a, b) {
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return 2 * RADIUS_NM * Math.asin(Math.min(1, Math.sqrt(h)));
}

function destination(a, bearingDegrees, nm) {
  const d = nm / RADIUS_NM;
  const [lat, lon, bearing] = [rad(a.lat), rad(a.lon), rad(bearingDegrees)];
  const lat2 = Math.asin(Math.sin(lat) * Math.cos(d) + Math.cos(lat) * Math.sin(d) * Math.cos(bearing));
  const lon2 = lon + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(lat), Math.cos(d) - Math.sin(lat) * Math.sin(lat2));
  return { lat: deg(lat2), lon: deg(lon2) };
}

// The boundary of { p : d(from, p) + d(p, to) <= path }: along each bearing from `from`, the farthest such point.
function reachable(from, to, path) {
  const ring = [];
  for (let bearing = 0; bearing < 360; bearing += 4) {
    let [low, high] = [0, Math.min(path, Math.PI * RADIUS_NM)];
    for (let i = 0; i < 30; i++) {
      const mid = (low + high) / 2;
      if (mid + distanceNm(destination(from, bearing, mid), to) <= path) low = mid; else high = mid;
    }
    const p = destination(from, bearing, low);
    ring.push([p.lat, p.lon]);
  }
  return ring;
}

// ---- A vessel ------------------------------------------------------------------------------------

async function showVessel(mmsi) {
  const data = await api(`/api/vessels/${encodeURIComponent(mmsi)}`);
  const v = data.vessel ?? {};
  const mapBox = el('div', { id: 'map', role: 'img', 'aria-label': 'map of the vessel' });
  main.replaceChildren(
    el('p', {}, link('/', '← queue')),
    el('h1', {}, `${v.name ?? data.alerts.rows.find((a) => a.vessel_name)?.vessel_name ?? 'Vessel'} · MMSI ${mmsi}`),
    ...(data.vessel ? [] : [el('p', { class: 'help' }, 'No identity stored for this vessel yet: the name is the one its alerts give.')]),
    el('div', { class: 'detail' },
      el('div', {},
        table('identity', [['IMO', v.imo], ['call sign', v.call_sign], ['flag', v.flag], ['ship type', v.ship_type], ['length (m)', v.length_metres], ['destination', v.destination], ['last seen', v.last_seen]]),
        el('h2', {}, 'Identity history'),
        el('ol', { 'aria-label': 'identity history' }, data.identity_changes.map((c) => el('li', {}, `${c.changed_at}: ${c.field} ${c.from ?? '–'} → ${c.to ?? '–'}`))),
        el('h2', {}, 'Port calls'),
        el('table', { 'aria-label': 'port calls' }, el('tbody', {}, data.port_calls.map((c) => el('tr', {}, el('td', {}, c.place_name), el('td', {}, c.country ?? ''), el('td', {}, c.arrival), el('td', {}, c.departure ?? 'in port'))))),
        el('h2', {}, 'Alerts'),
        el('ul', { 'aria-label': 'alerts of the vessel' }, data.alerts.rows.map((a) => el('li', {}, link(`/alerts/${encodeURIComponent(a.id)}`, `${when(a.start)} ${a.kind.replaceAll('_', ' ')} (${a.severity}, ${a.status})`))))),
      mapBox));
  const map = await baseMap(mapBox);
  const points = [...data.port_calls.map((c) => [c.latitude, c.longitude]), ...data.alerts.rows.filter((a) => a.latitude !== undefined).map((a) => [a.latitude, a.longitude])];
  if (v.last_latitude !== undefined && v.last_latitude !== null) points.push([v.last_latitude, v.last_longitude]);
  // The archived track (replay --archive-positions), split where it crosses the antimeridian.
  const legs = [[]];
  for (const [i, p] of data.track.entries()) {
    if (i > 0 && Math.abs(p.lon - data.track[i - 1].lon) > 180) legs.push([]);
    legs.at(-1).push([p.lat, p.lon]);
  }
  const group = L.featureGroup(points.map((p) => L.circleMarker(p, { radius: 5 }))).addTo(map);
  if (data.track.length) group.addLayer(L.polyline(legs, { color: '#7a8793', weight: 2, className: 'vessel-track' }).bindTooltip(`${data.track.length} archived positions`));
  if (points.length || data.track.length) map.fitBounds(group.getBounds().pad(0.3), { maxZoom: 8 });
  else map.setView([20, 0], 2);
}

// ---- Start ---------------------------------------------------------------------------------------

document.getElementById('sign-out').addEventListener('click', async () => {
  await api('/api/session', { method: 'DELETE' });
  session = null;
  go('/');
});
window.addEventListener('popstate', route);
route();
