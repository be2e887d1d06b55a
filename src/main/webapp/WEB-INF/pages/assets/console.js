// The two credential pages (/admin/api-keys, /integrations): one script, told by <body data-kind>
// which v4 collection it manages; the admin page also manages the company's webhook endpoints. It only calls the public v4 API, with the credential the user
// pasted, kept in this tab's sessionStorage. Text goes into the page with textContent only.
const kind = document.body.dataset.kind;
const noun = document.body.dataset.noun;
const collection = `/v4/${kind}`;
const STORAGE_KEY = 'meetergo.console.credential';
const $ = (id) => document.getElementById(id);

// The API's scopes by resource (docs/scopes.md); a write scope includes its read.
const RESOURCES = [['users', 'Users'], ['meeting-types', 'Meeting types'], ['appointments', 'Appointments'],
    ['credentials', 'API keys and tokens'], ['audit', 'Audit log', ['read']]];
const ALL_SCOPES = RESOURCES.flatMap(([resource, , levels = ['read', 'write']]) =>
    levels.map((level) => `${resource}:${level}`));

async function api(method, path, body) {
    const headers = { Authorization: `Bearer ${sessionStorage.getItem(STORAGE_KEY)}` };
    if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
    }
    const answer = await fetch(path, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit', cache: 'no-store', redirect: 'error',
    });
    if (answer.status === 204) {
        return null;
    }
    const data = await answer.json().catch(() => null);
    if (!answer.ok) {
        throw new Error(data && data.message ? data.message : `HTTP ${answer.status}`);
    }
    return data;
}

function showError(error) {
    $('error').textContent = error ? error.message : '';
    $('error').hidden = !error;
}

function when(iso) {
    return iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '—';
}

function button(label, description, action) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.setAttribute('aria-label', description);
    b.dataset.action = label.toLowerCase();
    b.addEventListener('click', () => action().catch(showError));
    return b;
}

function labelFor(id, text) {
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = text;
    return label;
}

/** The creation form's access choice: full access preselected, else read or write per resource. */
function scopePicker() {
    const legend = document.createElement('legend');
    legend.textContent = 'Access';
    const full = document.createElement('input');
    full.type = 'checkbox';
    full.id = 'full-access';
    full.name = 'fullAccess';
    full.checked = full.defaultChecked = true;
    const perResource = document.createElement('div');
    perResource.id = 'per-resource';
    perResource.hidden = true;
    for (const [resource, title, levels = ['read', 'write']] of RESOURCES) {
        const select = document.createElement('select');
        select.id = `scope-${resource}`;
        select.name = select.id;
        for (const [value, text] of [['', 'No access'], ['read', 'Read'], ['write', 'Read and write']]) {
            if (value === '' || levels.includes(value)) {
                select.append(new Option(text, value));
            }
        }
        perResource.append(labelFor(select.id, title), select);
    }
    full.addEventListener('change', () => { perResource.hidden = full.checked; });
    $('scopes').replaceChildren(legend, full, labelFor(full.id, 'Full access (everything your role allows)'),
        perResource);
}

/** Absent for full access (the API's default), else the chosen scopes: possibly none at all. */
function chosenScopes(form) {
    if (form.elements.fullAccess.checked) {
        return undefined;
    }
    return RESOURCES.map(([resource]) => [resource, form.elements[`scope-${resource}`].value])
        .filter(([, level]) => level).map(([resource, level]) => `${resource}:${level}`);
}

function describeScopes(scopes) {
    if (ALL_SCOPES.every((scope) => scopes.includes(scope))) {
        return 'full access';
    }
    return scopes.length ? scopes.join(', ') : 'none (verify and renew itself only)';
}

const SVG = 'http://www.w3.org/2000/svg';
const PARTS = [['success', 'served'], ['refused', 'refused'], ['failed', 'failed']];

function svg(name, attributes) {
    const element = document.createElementNS(SVG, name);
    for (const [attribute, value] of Object.entries(attributes)) {
        element.setAttribute(attribute, value);
    }
    return element;
}

/** A bar per day, stacked served / refused / failed, drawn as inline SVG (no inline style: the CSP holds). */
function usageChart(usage) {
    const barWidth = 12;
    const height = 80;
    const max = Math.max(1, ...usage.days.map((d) => d.success + d.refused + d.failed));
    const chart = svg('svg', { viewBox: `0 0 ${usage.days.length * barWidth} ${height}`, role: 'img',
        class: 'usage-chart', preserveAspectRatio: 'none' });
    const totals = { success: 0, refused: 0, failed: 0 };
    usage.days.forEach((day, i) => {
        const bar = svg('g', { class: 'day', 'data-date': day.date, 'data-success': day.success,
            'data-refused': day.refused, 'data-failed': day.failed });
        const title = svg('title', {});
        title.textContent = `${day.date}: ${day.success} served, ${day.refused} refused, ${day.failed} failed`;
        bar.append(title);
        let top = height;
        for (const [part] of PARTS) {
            totals[part] += day[part];
            const h = (day[part] / max) * (height - 2);
            if (h > 0) {
                top -= h;
                bar.append(svg('rect', { x: i * barWidth + 1, y: top, width: barWidth - 2, height: h, class: part }));
            }
        }
        chart.append(bar);
    });
    chart.setAttribute('aria-label', `Requests per day over the last ${usage.days.length} days: ${totals.success}`
        + ` served, ${totals.refused} refused, ${totals.failed} failed`);
    return chart;
}

/** The networks the credential served requests from, beside its chart: where it is used from. */
function sourcesTable(sources) {
    const table = document.createElement('table');
    table.className = 'sources';
    const caption = document.createElement('caption');
    caption.textContent = 'Used from (networks, most recent first)';
    table.append(caption);
    const head = document.createElement('tr');
    for (const title of ['Network', 'First seen', 'Last seen', 'Requests']) {
        const th = document.createElement('th');
        th.scope = 'col';
        th.textContent = title;
        head.append(th);
    }
    table.append(head);
    for (const source of sources.sources) {
        const row = document.createElement('tr');
        for (const text of [source.network, when(source.firstSeen), when(source.lastSeen), String(source.requests)]) {
            const td = document.createElement('td');
            td.textContent = text;
            row.append(td);
        }
        table.append(row);
    }
    if (sources.sources.length === 0) {
        const row = document.createElement('tr');
        const td = document.createElement('td');
        td.colSpan = 4;
        td.textContent = 'No request served yet';
        row.append(td);
        table.append(row);
    }
    return table;
}

async function toggleUsage(credential, row) {
    const shown = row.nextElementSibling;
    if (shown && shown.classList.contains('usage')) {
        shown.remove();
        return;
    }
    const [usage, sources] = await Promise.all([api('GET', `${collection}/${credential.id}/usage?days=30`),
        api('GET', `${collection}/${credential.id}/sources`)]);
    const detail = document.createElement('tr');
    detail.className = 'usage';
    detail.dataset.id = credential.id;
    const cell = document.createElement('td');
    cell.colSpan = row.cells.length;
    const legend = document.createElement('p');
    legend.className = 'legend';
    legend.textContent = 'Last 30 days (UTC), per day: served (blue), refused (orange), failed (red).'
        + ' Hover a bar for its figures.';
    const figures = document.createElement('div');
    figures.className = 'figures';
    const chart = document.createElement('div');
    chart.append(usageChart(usage), legend);
    figures.append(chart, sourcesTable(sources));
    cell.append(figures);
    detail.append(cell);
    row.after(detail);
}

function showSecret(created) {
    $('secret').value = created.key ?? created.token;
    $('copied').textContent = '';
    $('created').hidden = false;
    $('secret').focus();
    $('secret').select();
}

async function rotate(credential) {
    const hours = Number($('grace-hours').value);
    if (!confirm(`Rotate ${noun} "${credential.name ?? credential.hint}"? A new one is created; the old one keeps`
        + ` working for ${hours} hour(s), then stops.`)) {
        return;
    }
    showSecret(await api('POST', `${collection}/${credential.id}/rotate`, { gracePeriodSeconds: hours * 3600 }));
    await list();
}

async function revoke(credential) {
    if (!confirm(`Revoke ${noun} "${credential.name ?? credential.hint}"? Requests with it fail at once;`
        + ' this cannot be undone.')) {
        return;
    }
    await api('DELETE', `${collection}/${credential.id}`);
    await list();
}

/** The list's words for an allowlist: where the credential may be used from. */
function describeAllowedIps(allowedIps) {
    return allowedIps.length === 0 ? 'anywhere' : allowedIps.join(', ');
}

/** What the form or the prompt holds, as the API's array: entries separated by spaces or commas. */
function allowedIpsFrom(text) {
    return text.split(/[\s,]+/).filter((entry) => entry !== '');
}

async function editAllowedIps(credential) {
    const text = prompt(`Where may ${noun} "${credential.name ?? credential.hint}" be used from? IP addresses and`
        + ' CIDR ranges, separated by spaces or commas (empty: anywhere):', credential.allowedIps.join(' '));
    if (text === null) {
        return;
    }
    await api('PUT', `${collection}/${credential.id}/allowed-ips`, { allowedIps: allowedIpsFrom(text) });
    await list();
}

async function list() {
    const credentials = await api('GET', collection);
    const rows = credentials.map((c) => {
        const row = document.createElement('tr');
        row.dataset.id = c.id;
        const label = c.name ?? c.hint;
        for (const text of [c.name ?? '—', c.hint, describeScopes(c.scopes), describeAllowedIps(c.allowedIps),
            when(c.createdAt), when(c.expiresAt), when(c.lastUsedAt), c.status.toLowerCase()]) {
            const cell = document.createElement('td');
            cell.textContent = text;
            row.append(cell);
        }
        row.cells[2].className = 'scopes';
        row.cells[3].className = 'allowed-ips';
        row.cells[7].className = 'status';
        const actions = document.createElement('td');
        if (c.status === 'ACTIVE') {
            actions.append(button('Deactivate', `Deactivate ${label}`,
                async () => { await api('POST', `${collection}/${c.id}/deactivate`); await list(); }));
            if (!c.replacedBy) {
                actions.append(button('Rotate', `Rotate ${label}`, () => rotate(c)));
            }
        } else if (c.status === 'DEACTIVATED') {
            actions.append(button('Activate', `Activate ${label}`,
                async () => { await api('POST', `${collection}/${c.id}/activate`); await list(); }));
        }
        if (c.status === 'ACTIVE' || c.status === 'DEACTIVATED') {
            actions.append(button('Revoke', `Revoke ${label}`, () => revoke(c)));
        }
        if (c.status === 'ACTIVE' || c.status === 'DEACTIVATED') {
            actions.append(button('Allowed IPs', `Allowed IP addresses of ${label}`, () => editAllowedIps(c)));
        }
        actions.append(button('Usage', `Usage of ${label}`, () => toggleUsage(c, row)));
        row.append(actions);
        return row;
    });
    document.querySelector('#credentials tbody').replaceChildren(...rows);
}

// Webhooks (the admin page's #webhooks section): the company's endpoints, a new one's secret once,
// a test event, the recent deliveries and an endpoint's state (failing, disabled).
const WEBHOOKS = '/v4/webhook-endpoint';
const WEBHOOK_EVENTS = [['credential.created', 'Credential created'], ['credential.rotated', 'Credential rotated'],
    ['credential.revoked', 'Credential revoked (by a user, reported leaked, or at the end of a rotation)'],
    ['credential.expiring_soon', 'Credential expiring soon (7 days and 1 day ahead)'],
    ['credential.expired', 'Credential expired'], ['credential.new_source', 'Credential used from a new network'],
    ['company.plan_changed', 'Company plan changed'],
    ['company.token_policy_changed', 'Token policy changed (the PAT lifetime limit)']];

function eventPicker() {
    const legend = document.createElement('legend');
    legend.textContent = 'Events (a test event is always sent on request)';
    const lines = WEBHOOK_EVENTS.map(([event, text]) => {
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.id = `event-${event.replace('.', '-')}`;
        box.name = 'events';
        box.value = event;
        box.checked = box.defaultChecked = true;
        const label = labelFor(box.id, text);
        label.className = 'inline';
        const line = document.createElement('div');
        line.append(box, label);
        return line;
    });
    $('webhook-events').replaceChildren(legend, ...lines);
}

function endpointState(endpoint) {
    if (endpoint.disabledAt) {
        return `disabled since ${when(endpoint.disabledAt)}: it kept failing; its events wait until it is enabled`;
    }
    return endpoint.failingSince ? `failing since ${when(endpoint.failingSince)}` : 'delivering';
}

function cellsRow(texts, tag = 'td') {
    const row = document.createElement('tr');
    for (const text of texts) {
        const cell = document.createElement(tag);
        if (tag === 'th') {
            cell.scope = 'col';
        }
        cell.textContent = text;
        row.append(cell);
    }
    return row;
}

/** Each attempt, newest first: the event, its webhook-id, when, the answer or what went wrong, how long. */
function deliveriesTable(answer) {
    const table = document.createElement('table');
    table.className = 'deliveries';
    const caption = document.createElement('caption');
    caption.textContent = 'Recent deliveries (newest first)';
    table.append(caption, cellsRow(['Event', 'webhook-id', 'Time', 'Answer', 'Duration'], 'th'));
    for (const d of answer.deliveries) {
        const row = cellsRow([d.event, d.messageId, when(d.attemptedAt),
            d.statusCode === null ? d.error : String(d.statusCode), `${d.durationMs} ms`]);
        row.dataset.messageId = d.messageId;
        row.className = d.statusCode !== null && d.statusCode >= 200 && d.statusCode < 300 ? 'delivered' : 'failed';
        table.append(row);
    }
    if (answer.deliveries.length === 0) {
        const row = cellsRow(['No delivery attempted yet']);
        row.cells[0].colSpan = 5;
        table.append(row);
    }
    return table;
}

async function showDeliveries(endpoint, row) {
    const answer = await api('GET', `${WEBHOOKS}/${endpoint.id}/deliveries?limit=20`);
    const shown = row.nextElementSibling;
    const detail = shown && shown.classList.contains('deliveries-row') ? shown : document.createElement('tr');
    detail.className = 'deliveries-row';
    detail.dataset.id = endpoint.id;
    const cell = document.createElement('td');
    cell.colSpan = row.cells.length;
    cell.append(deliveriesTable(answer));
    detail.replaceChildren(cell);
    row.after(detail);
}

async function toggleDeliveries(endpoint, row) {
    const shown = row.nextElementSibling;
    if (shown && shown.classList.contains('deliveries-row')) {
        shown.remove();
        return;
    }
    await showDeliveries(endpoint, row);
}

function showWebhookSecret(created) {
    $('webhook-secret').value = created.secret;
    $('webhook-copied').textContent = '';
    $('webhook-created').hidden = false;
    $('webhook-secret').focus();
    $('webhook-secret').select();
}

async function sendTest(endpoint, row) {
    const queued = await api('POST', `${WEBHOOKS}/${endpoint.id}/test`);
    row.querySelector('.note').textContent = `Test event ${queued.messageId} queued.`;
    // The delivery follows within a second or two: show it as it arrives.
    for (let i = 0; i < 10; i++) {
        await new Promise((resolve) => { setTimeout(resolve, 500); });
        await showDeliveries(endpoint, row);
        if (row.nextElementSibling.querySelector(`tr[data-message-id="${queued.messageId}"]`)) {
            return;
        }
    }
}

async function rotateWebhookSecret(endpoint) {
    if (!confirm(`Rotate the signing secret of ${endpoint.url}? For 24 hours every delivery is signed by both`
        + ' the new and the current secret.')) {
        return;
    }
    showWebhookSecret(await api('POST', `${WEBHOOKS}/${endpoint.id}/rotate-secret`));
}

async function deleteWebhook(endpoint) {
    if (!confirm(`Delete the endpoint ${endpoint.url}? Events still waiting for it are dropped.`)) {
        return;
    }
    await api('DELETE', `${WEBHOOKS}/${endpoint.id}`);
    await listWebhooks();
}

async function listWebhooks() {
    const endpoints = await api('GET', WEBHOOKS);
    const rows = endpoints.map((e) => {
        const row = cellsRow([e.url, e.events.join(', '), when(e.createdAt), endpointState(e)]);
        row.dataset.id = e.id;
        row.cells[3].className = e.disabledAt ? 'state disabled' : 'state';
        const actions = document.createElement('td');
        if (e.disabledAt) {
            actions.append(button('Enable', `Enable ${e.url} again and send its waiting events`,
                async () => { await api('POST', `${WEBHOOKS}/${e.id}/enable`); await listWebhooks(); }));
        }
        actions.append(button('Send test', `Send a test event to ${e.url}`, () => sendTest(e, row)),
            button('Deliveries', `Recent deliveries to ${e.url}`, () => toggleDeliveries(e, row)),
            button('Rotate secret', `Rotate the signing secret of ${e.url}`, () => rotateWebhookSecret(e)),
            button('Delete', `Delete the endpoint ${e.url}`, () => deleteWebhook(e)));
        const note = document.createElement('p');
        note.className = 'note';
        note.setAttribute('role', 'status');
        actions.append(note);
        row.append(actions);
        return row;
    });
    document.querySelector('#webhook-endpoints tbody').replaceChildren(...rows);
}

async function signedIn() {
    const me = await api('GET', '/v4/user/me');
    $('who').textContent = `Signed in as ${me.email} (${me.role.toLowerCase()})`;
    $('sign-in-section').hidden = true;
    $('sign-out').hidden = false;
    $('console').hidden = false;
    await list();
    if ($('webhooks')) {
        await listWebhooks();
    }
}

function signOut() {
    sessionStorage.removeItem(STORAGE_KEY);
    location.reload();
}

function createBody(form) {
    const name = form.elements.name.value.trim();
    const scopes = chosenScopes(form);
    const allowedIps = allowedIpsFrom(form.elements.allowedIps.value);
    if (kind === 'api-key') {
        return { name: name || null, expiresInDays: Number(form.elements.expiresInDays.value), scopes, allowedIps };
    }
    const on = form.elements.expiresOn.value;
    return { name, expiresAt: on ? `${on}T23:59:59Z` : null, scopes, allowedIps };
}

$('sign-in').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(STORAGE_KEY, $('credential').value.trim());
    $('credential').value = '';
    showError(null);
    signedIn().catch((error) => {
        sessionStorage.removeItem(STORAGE_KEY);
        showError(error);
    });
});

$('create').addEventListener('submit', (event) => {
    event.preventDefault();
    showError(null);
    api('POST', collection, createBody(event.target))
        .then((created) => {
            showSecret(created);
            event.target.reset();
            $('per-resource').hidden = true;
            return list();
        })
        .catch(showError);
});

/** The copy button beside a secret shown once, and the button that hides it. */
function secretButtons(field, copy, copied, dismiss, section) {
    $(copy).addEventListener('click', () => {
        const secret = $(field).value;
        const done = navigator.clipboard
            ? navigator.clipboard.writeText(secret)
            : Promise.reject(new Error('no clipboard'));
        done.catch(() => { $(field).select(); document.execCommand('copy'); })
            .finally(() => { $(copied).textContent = 'Copied.'; });
    });
    $(dismiss).addEventListener('click', () => {
        $(field).value = '';
        $(section).hidden = true;
    });
}

secretButtons('secret', 'copy', 'copied', 'dismiss', 'created');

if ($('webhooks')) {
    eventPicker();
    secretButtons('webhook-secret', 'webhook-copy', 'webhook-copied', 'webhook-dismiss', 'webhook-created');
    $('webhook-create').addEventListener('submit', (event) => {
        event.preventDefault();
        showError(null);
        const form = event.target;
        const events = [...form.elements.events].filter((box) => box.checked).map((box) => box.value);
        api('POST', WEBHOOKS, { url: form.elements.url.value.trim(), events })
            .then((created) => {
                showWebhookSecret(created);
                form.reset();
                return listWebhooks();
            })
            .catch(showError);
    });
}

$('sign-out').addEventListener('click', signOut);

scopePicker();

if (sessionStorage.getItem(STORAGE_KEY)) {
    signedIn().catch((error) => {
        sessionStorage.removeItem(STORAGE_KEY);
        showError(error);
    });
}
