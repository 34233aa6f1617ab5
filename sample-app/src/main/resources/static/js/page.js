// Shared by every panel of the page: the language and its dictionary, number and date
// formats, JSON requests and element helpers.
import { MESSAGES } from './i18n.js';

const LANGUAGE_KEY = 'liaobots-sample-language';

const state = { language: 'en' };

/** Functions that redraw text built at run time, called after each language switch. */
const redraws = [];

export const byId = (id) => document.getElementById(id);

/** Registers a function that redraws a panel's text when the language changes. */
export function onLanguageChange(redraw) {
	redraws.push(redraw);
}

/** Picks the language from the page address, the saved choice or the browser, and wires the toggle. */
export function startLanguage() {
	state.language = pickLanguage();
	byId('lang-toggle').addEventListener('click', toggleLanguage);
}

function pickLanguage() {
	const requested = new URLSearchParams(window.location.search).get('lang');
	if (requested === 'en' || requested === 'zh') {
		return requested;
	}
	const saved = readSavedLanguage();
	if (saved) {
		return saved;
	}
	const browser = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
	return browser.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

function readSavedLanguage() {
	try {
		const saved = window.localStorage.getItem(LANGUAGE_KEY);
		return (saved === 'en' || saved === 'zh') ? saved : null;
	}
	catch (error) {
		return null;
	}
}

function saveLanguage(language) {
	try {
		window.localStorage.setItem(LANGUAGE_KEY, language);
	}
	catch (error) {
		// Storage can be switched off, and then the choice lasts until the page reloads.
	}
}

/** Returns the text of a key in the current language, with {name} values filled in. */
export function t(key, params) {
	const dictionary = MESSAGES[state.language] || MESSAGES.en;
	const text = dictionary[key] ?? MESSAGES.en[key] ?? key;
	if (!params) {
		return text;
	}
	return text.replace(/\{(\w+)\}/g, (placeholder, name) => (name in params ? String(params[name]) : placeholder));
}

/** Sets an element's text from a key, and remembers the key so a language switch redraws it. */
export function setText(element, key, params) {
	element.dataset.i18n = key;
	if (params) {
		element.dataset.i18nParams = JSON.stringify(params);
	}
	else {
		delete element.dataset.i18nParams;
	}
	element.textContent = t(key, params);
}

export function applyLanguage() {
	document.documentElement.lang = (state.language === 'zh') ? 'zh-CN' : 'en';
	document.title = t('page.title');
	document.querySelectorAll('[data-i18n]').forEach((element) => {
		const params = element.dataset.i18nParams ? JSON.parse(element.dataset.i18nParams) : undefined;
		element.textContent = t(element.dataset.i18n, params);
	});
	document.querySelectorAll('[data-i18n-placeholder]').forEach((element) => {
		element.placeholder = t(element.dataset.i18nPlaceholder);
	});
	document.querySelectorAll('[data-i18n-title]').forEach((element) => {
		element.title = t(element.dataset.i18nTitle);
	});
	document.querySelectorAll('[data-i18n-aria-label]').forEach((element) => {
		element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel));
	});
	redraws.forEach((redraw) => redraw());
}

function toggleLanguage() {
	state.language = (state.language === 'zh') ? 'en' : 'zh';
	saveLanguage(state.language);
	applyLanguage();
}

export function locale() {
	return (state.language === 'zh') ? 'zh-CN' : 'en-US';
}

export function formatNumber(value, digits) {
	if (value === null || value === undefined || value === '') {
		return '—';
	}
	const options = (digits === undefined) ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits };
	return new Intl.NumberFormat(locale(), options).format(Number(value));
}

export function formatBytes(bytes) {
	if (bytes < 1024) {
		return bytes + ' B';
	}
	if (bytes < 1024 * 1024) {
		return formatNumber(bytes / 1024, 0) + ' KB';
	}
	return formatNumber(bytes / (1024 * 1024), 1) + ' MB';
}

export function formatTime(epochMillis) {
	if (!epochMillis) {
		return '—';
	}
	return new Intl.DateTimeFormat(locale(), {
		month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
	}).format(new Date(epochMillis));
}

export function formatSeconds(millis) {
	return formatNumber(millis / 1000, 2);
}

/** Returns a message for a failed fetch: the server's own message when it sent one. */
async function errorMessage(response) {
	try {
		const body = await response.json();
		if (body && (body.message || body.error)) {
			return body.message || body.error;
		}
	}
	catch (error) {
		// Not JSON: fall back to the status.
	}
	return t('error.http', { status: response.status });
}

export async function fetchJson(url, options) {
	const response = await fetch(url, options);
	if (!response.ok) {
		throw new Error(await errorMessage(response));
	}
	return response.json();
}

export function createElement(tag, className, text) {
	const element = document.createElement(tag);
	if (className) {
		element.className = className;
	}
	if (text !== undefined) {
		element.textContent = text;
	}
	return element;
}

export function createLabel(tag, className, key, params) {
	const element = createElement(tag, className);
	setText(element, key, params);
	return element;
}
