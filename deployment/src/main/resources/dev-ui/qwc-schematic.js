import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/button';
import '@vaadin/checkbox';
import '@vaadin/details';

/**
 * Schematic card page: configuration in effect (API key masked by the server), flags of the dev service with a
 * toggle, usage of its metered features against their allocation with a reset, recent flag checks, local evaluation
 * (DataStream state and what it caches), event buffer and the events the dev service received.
 */
export class QwcSchematic extends LitElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        :host { display: flex; flex-direction: column; gap: 1em; padding: 1em; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: 2px 8px; border-bottom: 1px solid var(--lumo-contrast-10pct); }
        th { color: var(--lumo-contrast-60pct); font-weight: normal; }
        .muted { color: var(--lumo-contrast-50pct); }
        .on { color: var(--lumo-success-text-color); }
        .off { color: var(--lumo-error-text-color); }
        pre { margin: 0; font-size: var(--lumo-font-size-xs); white-space: pre-wrap; }
        .meter { display: inline-block; width: 10em; height: 0.6em; background: var(--lumo-contrast-10pct);
            border-radius: 0.3em; overflow: hidden; vertical-align: middle; margin-right: 0.5em; }
        .meter > div { height: 100%; background: var(--lumo-success-color); }
        .meter > div.full { background: var(--lumo-error-color); }
    `;

    static properties = {
        _devService: { state: true },
        _config: { state: true },
        _flags: { state: true },
        _usage: { state: true },
        _checks: { state: true },
        _dataStream: { state: true },
        _served: { state: true },
        _stats: { state: true },
        _events: { state: true },
        _error: { state: true }
    };

    connectedCallback() {
        super.connectedCallback();
        this._refresh();
    }

    _refresh() {
        this._error = null;
        Promise.all([
            this.jsonRpc.isDevServiceRunning(),
            this.jsonRpc.getConfiguration(),
            this.jsonRpc.getFlags(),
            this.jsonRpc.getUsage(),
            this.jsonRpc.getRecentChecks(),
            this.jsonRpc.getDataStream(),
            this.jsonRpc.getDevServiceChecks(),
            this.jsonRpc.getEventStats(),
            this.jsonRpc.getRecentEvents()
        ]).then(([devService, config, flags, usage, checks, dataStream, served, stats, events]) => {
            this._devService = devService.result;
            this._config = config.result;
            this._flags = flags.result;
            this._usage = usage.result;
            this._checks = checks.result;
            this._dataStream = dataStream.result;
            this._served = served.result;
            this._stats = stats.result;
            this._events = events.result;
        }).catch(error => this._error = JSON.stringify(error));
    }

    _toggle(flag, value) {
        this.jsonRpc.setFlag({ flag: flag, value: value })
            .then(response => this._flags = response.result)
            .catch(error => this._error = JSON.stringify(error));
    }

    _resetUsage(feature) {
        this.jsonRpc.resetUsage({ feature: feature })
            .then(response => this._usage = response.result)
            .catch(error => this._error = JSON.stringify(error));
    }

    render() {
        return html`
            <div><vaadin-button @click=${() => this._refresh()}>Refresh</vaadin-button>
                ${this._error ? html`<span class="off">${this._error}</span>` : ''}</div>
            ${this._renderFlags()}
            ${this._devService && this._usage && this._usage.length > 0 ? html`
                <vaadin-details summary="Metered features: usage per company" opened>${this._renderUsage()}</vaadin-details>`
                : ''}
            <vaadin-details summary="Recent flag checks of the application" opened>${this._renderChecks()}</vaadin-details>
            <vaadin-details summary="Local evaluation (DataStream)" opened>${this._renderDataStream()}</vaadin-details>
            <vaadin-details summary="Event buffer" opened>${this._renderStats()}</vaadin-details>
            ${this._devService ? html`
                <vaadin-details summary="Checks answered by the dev service">${this._renderServed()}</vaadin-details>
                <vaadin-details summary="Events received by the dev service">${this._renderEvents()}</vaadin-details>` : ''}
            <vaadin-details summary="Configuration">${this._renderConfig()}</vaadin-details>`;
    }

    _renderFlags() {
        if (!this._devService) {
            return html`<div class="muted">The dev service is not running (an API key is set, offline mode, or
                quarkus.schematic.devservices.enabled=false): flags are managed in Schematic.</div>`;
        }
        if (!this._flags || this._flags.length === 0) {
            return html`<div class="muted">No flags configured. Add
                <code>quarkus.schematic.devservices.flags."my-flag"=true</code> to application.properties, or
                check a flag and toggle it here.</div>`;
        }
        return html`<table>
            <tr><th>Flag</th><th>Value</th><th>Company overrides</th><th>User overrides</th></tr>
            ${this._flags.map(flag => html`<tr>
                <td>${flag.flag}${flag.toggled ? html` <span class="muted">(set here)</span>` : ''}</td>
                <td><vaadin-checkbox .checked=${flag.value}
                        @change=${e => this._toggle(flag.flag, e.target.checked)}></vaadin-checkbox></td>
                <td>${this._overrides(flag.companies)}</td>
                <td>${this._overrides(flag.users)}</td>
            </tr>`)}
        </table>`;
    }

    _renderUsage() {
        return html`${this._usage.map(feature => html`
            <div>
                <b>${feature.feature}</b>
                <span class="muted">metered by track events "${feature.eventName}", ${feature.period}${feature.resetsAt
                    ? html`, starts again at ${feature.resetsAt}` : ''}</span>
                <vaadin-button theme="small" @click=${() => this._resetUsage(feature.feature)}>Reset usage</vaadin-button>
            </div>
            ${feature.companies.length === 0
                ? html`<div class="muted">No usage yet: track an event named "${feature.eventName}" with company keys.</div>`
                : html`<table>
                    <tr><th>Company keys</th><th>Usage / allocation</th></tr>
                    ${feature.companies.map(company => html`<tr>
                        <td>${JSON.stringify(company.keys)}</td>
                        <td>${this._meter(company.usage, company.allocation)}</td>
                    </tr>`)}
                </table>`}`)}`;
    }

    _meter(usage, allocation) {
        if (allocation === null || allocation === undefined) {
            return html`${usage} (unlimited)`;
        }
        const percent = allocation === 0 ? 100 : Math.min(100, Math.round(usage * 100 / allocation));
        return html`<span class="meter"><div class=${usage >= allocation ? 'full' : ''} style="width: ${percent}%"></div></span>
            <span class=${usage >= allocation ? 'off' : ''}>${usage} / ${allocation}</span>`;
    }

    _overrides(values) {
        return Object.entries(values || {}).map(([key, value]) => `${key}=${value}`).join(', ');
    }

    _renderChecks() {
        if (!this._checks || this._checks.length === 0) {
            return html`<div class="muted">No flag checks yet.</div>`;
        }
        return html`<table>
            <tr><th>At</th><th>Flag</th><th>Value</th><th>Source</th><th>Company id</th><th>User id</th><th>Usage</th>
                <th>Reason</th></tr>
            ${this._checks.map(check => html`<tr>
                <td>${check.at}</td><td>${check.flag}</td>
                <td class=${check.value ? 'on' : 'off'}>${check.value}</td>
                <td>${check.source}</td><td>${check.companyId ?? ''}</td><td>${check.userId ?? ''}</td>
                <td>${check.usage ?? ''}</td>
                <td>${check.reason ?? ''}${check.error ? html` <span class="off">${check.error}</span>` : ''}</td>
            </tr>`)}
        </table>`;
    }

    _renderDataStream() {
        const ds = this._dataStream;
        if (!ds) {
            return html``;
        }
        if (ds.state === 'disabled') {
            return html`<div class="muted">Off: every check asks the REST API (or its cache). Turn it on with
                <code>quarkus.schematic.local-evaluation.enabled=true</code>.</div>`;
        }
        const connected = ds.state === 'connected';
        return html`
            <div>DataStream <code>${ds.url}</code>: <span class=${connected ? 'on' : 'off'}>${ds.state}</span>
                ${connected ? '' : html`<span class="muted">(checks that need data not cached ask the REST API)</span>`}</div>
            <table>
                <tr><th>Flags</th><th>Companies</th><th>Users</th><th>Waiting</th><th>Reconnects</th>
                    <th>Wait timeouts</th><th>Ignored messages</th></tr>
                <tr><td>${ds.flagCount}</td><td>${ds.companyCount}</td><td>${ds.userCount}</td>
                    <td>${ds.pendingRequests}</td><td>${ds.reconnects}</td><td>${ds.entityWaitTimeouts}</td>
                    <td>${ds.ignoredMessages}</td></tr>
            </table>
            <div class="muted">Cached flags: ${(ds.flags || []).join(', ') || 'none'}</div>
            <div class="muted">Cached companies: ${this._entities(ds.companies)}</div>
            <div class="muted">Cached users: ${this._entities(ds.users)}</div>`;
    }

    _entities(entities) {
        if (!entities || entities.length === 0) {
            return 'none';
        }
        return entities.map(entity => `${entity.id} ${JSON.stringify(entity.keys)}`).join(', ');
    }

    _renderServed() {
        if (!this._served || this._served.length === 0) {
            return html`<div class="muted">The dev service has answered no check yet (with local evaluation, checks
                are answered in the application and reach the dev service as flag_check events).</div>`;
        }
        return html`<table>
            <tr><th>At</th><th>Flag</th><th>Company keys</th><th>User keys</th><th>Value</th><th>Reason</th></tr>
            ${this._served.map(check => html`<tr>
                <td>${check.at}</td><td>${check.flag}</td>
                <td>${JSON.stringify(check.company)}</td><td>${JSON.stringify(check.user)}</td>
                <td class=${check.value ? 'on' : 'off'}>${check.value}</td><td>${check.reason}</td>
            </tr>`)}
        </table>`;
    }

    _renderStats() {
        if (!this._stats) {
            return html``;
        }
        return html`<table>
            <tr><th>Queued</th><th>Accepted</th><th>Sent</th><th>Dropped</th><th>Failed sends</th><th>Lost</th></tr>
            <tr><td>${this._stats.queued}</td><td>${this._stats.accepted}</td><td>${this._stats.delivered}</td>
                <td>${this._stats.dropped}</td><td>${this._stats.failedSends}</td><td>${this._stats.lost}</td></tr>
        </table>`;
    }

    _renderEvents() {
        if (!this._events || this._events.length === 0) {
            return html`<div class="muted">No identify or track event received yet (events are sent in batches).</div>`;
        }
        return html`<table>
            <tr><th>Received</th><th>Type</th><th>Body</th></tr>
            ${this._events.map(event => html`<tr>
                <td>${event.at}</td><td>${event.type}</td><td><pre>${JSON.stringify(event.body, null, 1)}</pre></td>
            </tr>`)}
        </table>`;
    }

    _renderConfig() {
        if (!this._config) {
            return html``;
        }
        return html`<table>
            ${this._config.map(row => html`<tr><td>${row.property}</td><td>${row.value}</td></tr>`)}
        </table>`;
    }
}
customElements.define('qwc-schematic', QwcSchematic);
