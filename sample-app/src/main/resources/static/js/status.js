// The status strip: health from /actuator/health, refreshed periodically, and the
// offline demo that takes the primary stub domain down.
import { loadCredits } from './credits.js';
import { MESSAGES } from './i18n.js';
import { byId, createElement, fetchJson, locale, onLanguageChange, setText, t } from './page.js';

const HEALTH_REFRESH_MS = 5000;

const state = { demo: null, health: null, healthFailed: false, healthCheckedAt: null };

async function refreshHealth() {
	try {
		// DOWN and OUT_OF_CREDITS come with 503, so the body is read whatever the status.
		const response = await fetch('actuator/health', { cache: 'no-store' });
		state.health = await response.json();
		state.healthFailed = false;
	}
	catch (error) {
		state.healthFailed = true;
	}
	state.healthCheckedAt = new Date();
	renderHealth();
}

function hostOf(domain) {
	return String(domain).replace(/^https?:\/\//, '');
}

function renderHealth() {
	const pill = byId('health-status');
	const updated = byId('status-updated');
	if (state.healthCheckedAt) {
		setText(updated, 'status.updated',
			{ time: state.healthCheckedAt.toLocaleTimeString(locale()) });
	}
	if (state.healthFailed || !state.health) {
		pill.dataset.status = 'UNKNOWN';
		setText(pill, state.healthFailed ? 'status.unavailable' : 'health.UNKNOWN');
		return;
	}
	const component = state.health.components && state.health.components.liaobots;
	const status = component ? component.status : state.health.status;
	pill.dataset.status = status;
	pill.dataset.i18n = 'health.' + status;
	pill.textContent = MESSAGES.en['health.' + status] ? t('health.' + status) : status;
	const details = (component && component.details) || {};
	byId('active-domain').textContent = details.activeDomain ? hostOf(details.activeDomain) : '—';
	if (details.reason) {
		pill.title = details.reason;
	}
	else {
		pill.removeAttribute('title');
	}
	renderDomains(details);
	if (!component) {
		setText(pill, 'status.noComponent');
	}
}

function renderDomains(details) {
	const list = byId('domain-list');
	list.replaceChildren();
	(details.domains || []).forEach((domain) => {
		const item = createElement('li', 'domain');
		item.dataset.state = domain.state;
		item.classList.toggle('active', domain.domain === details.activeDomain);
		const label = MESSAGES.en['domain.' + domain.state] ? t('domain.' + domain.state) : domain.state;
		item.append(createElement('span', 'dot'), createElement('span', 'domain-name', hostOf(domain.domain)),
			createElement('span', 'domain-state', label));
		if (domain.lastError) {
			item.title = t('status.lastError', { error: domain.lastError });
		}
		list.append(item);
	});
}

async function loadDemo() {
	try {
		state.demo = await fetchJson('api/demo');
	}
	catch (error) {
		state.demo = null;
	}
	renderDemo();
}

function renderDemo() {
	const demo = state.demo;
	const badge = byId('gateway-badge');
	const hint = byId('gateway-hint');
	const toggle = byId('primary-toggle');
	if (!demo) {
		badge.hidden = true;
		hint.hidden = true;
		toggle.hidden = true;
		return;
	}
	const embedded = demo.gateway === 'embedded-stub';
	badge.hidden = false;
	badge.dataset.kind = embedded ? 'embedded' : 'real';
	setText(badge, embedded ? 'gateway.embedded' : 'gateway.real');
	hint.hidden = false;
	setText(hint, embedded ? 'gateway.embeddedHint' : 'gateway.realHint');
	toggle.hidden = !embedded;
	if (embedded) {
		setText(toggle, demo.primaryDown ? 'status.primaryUp' : 'status.primaryDown');
		toggle.classList.toggle('danger', !demo.primaryDown);
	}
}

async function togglePrimary() {
	const toggle = byId('primary-toggle');
	toggle.disabled = true;
	try {
		const down = !state.demo.primaryDown;
		await fetchJson('api/demo/primary?down=' + down, { method: 'POST' });
		state.demo.primaryDown = down;
		renderDemo();
		await loadCredits();
		await refreshHealth();
	}
	finally {
		toggle.disabled = false;
	}
}

export function initStatus() {
	byId('primary-toggle').addEventListener('click', togglePrimary);
	onLanguageChange(() => {
		renderDemo();
		renderHealth();
	});
	refreshHealth();
	loadDemo();
	window.setInterval(() => {
		if (!document.hidden) {
			refreshHealth();
		}
	}, HEALTH_REFRESH_MS);
	document.addEventListener('visibilitychange', () => {
		if (!document.hidden) {
			refreshHealth();
		}
	});
}
