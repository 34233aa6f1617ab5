// The credits panel: the balance from /api/credits and the usage records from
// /api/credits/usage, paged with the gateway's nextId cursor.
import { byId, fetchJson, formatNumber, formatTime, locale, onLanguageChange, setText } from './page.js';

const USAGE_PAGE_SIZE = 8;

const state = {
	credits: null,
	usage: { cursors: [null], index: 0, nextId: null, records: [], loading: false }
};

export async function loadCredits() {
	try {
		state.credits = await fetchJson('api/credits');
		byId('credits-error').hidden = true;
	}
	catch (error) {
		state.credits = null;
		setText(byId('credits-error'), 'credits.failed', { message: error.message });
		byId('credits-error').hidden = false;
	}
	renderCredits();
}

function renderCredits() {
	const credits = state.credits;
	byId('balance').textContent = credits ? formatNumber(credits.balance) : '…';
	byId('total').textContent = credits ? formatNumber(credits.total) : '…';
	const meter = byId('balance-meter');
	const left = byId('balance-left');
	if (credits && credits.total > 0 && credits.balance !== null) {
		const fraction = Math.max(0, Math.min(1, credits.balance / credits.total));
		meter.style.width = (fraction * 100).toFixed(1) + '%';
		meter.dataset.level = (fraction < 0.1) ? 'low' : 'ok';
		setText(left, 'credits.used',
			{ percent: new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(fraction) });
	}
	else {
		meter.style.width = '0';
		left.textContent = '';
	}
}

async function loadUsage(index) {
	const usage = state.usage;
	if (usage.loading) {
		return;
	}
	usage.loading = true;
	renderPager();
	const query = new URLSearchParams({ pageSize: String(USAGE_PAGE_SIZE) });
	if (usage.cursors[index]) {
		query.set('cursor', usage.cursors[index]);
	}
	try {
		const page = await fetchJson('api/credits/usage?' + query);
		usage.index = index;
		usage.records = page.list || [];
		usage.nextId = page.nextId || null;
		usage.cursors.length = index + 1;
		if (usage.nextId) {
			usage.cursors.push(usage.nextId);
		}
	}
	catch (error) {
		setText(byId('credits-error'), 'credits.failed', { message: error.message });
		byId('credits-error').hidden = false;
	}
	finally {
		usage.loading = false;
	}
	renderUsage();
}

function renderUsage() {
	const body = byId('usage-table').tBodies[0];
	body.replaceChildren();
	const records = state.usage.records;
	if (records.length === 0) {
		const row = body.insertRow();
		const cell = row.insertCell();
		cell.colSpan = 6;
		cell.className = 'empty';
		setText(cell, 'usage.empty');
	}
	records.forEach((record) => {
		const row = body.insertRow();
		row.dataset.id = record.id;
		row.insertCell().textContent = formatTime(record.create_time);
		row.insertCell().textContent = record.model || '—';
		[record.input_tokens, record.output_tokens, record.cache_hit_tokens].forEach((value) => {
			const cell = row.insertCell();
			cell.className = 'number';
			cell.textContent = formatNumber(value);
		});
		const price = row.insertCell();
		price.className = 'number';
		price.textContent = formatNumber(record.price, 4);
	});
	renderPager();
}

function renderPager() {
	const usage = state.usage;
	byId('prev-page').disabled = usage.loading || usage.index === 0;
	byId('next-page').disabled = usage.loading || !usage.nextId;
	setText(byId('page-label'), 'usage.page', { page: usage.index + 1 });
}

export function initCredits() {
	byId('refresh-credits').addEventListener('click', () => {
		loadCredits();
		loadUsage(state.usage.index);
	});
	byId('prev-page').addEventListener('click', () => loadUsage(state.usage.index - 1));
	byId('next-page').addEventListener('click', () => loadUsage(state.usage.index + 1));
	onLanguageChange(() => {
		renderCredits();
		renderUsage();
	});
	loadCredits();
	loadUsage(0);
}
