// The sample page: a chat panel that streams replies over Server-Sent Events, an image
// panel, a credits panel and a status strip fed by the actuator health endpoint. All
// text comes from window.MESSAGES (js/i18n.js).
(() => {
	'use strict';

	const FORMATS_WITH_THINKING = new Set(['messages', 'gemini']);
	const HEALTH_REFRESH_MS = 5000;
	const USAGE_PAGE_SIZE = 8;
	const LANGUAGE_KEY = 'liaobots-sample-language';

	const state = {
		language: 'en',
		stream: null,
		demo: null,
		health: null,
		healthFailed: false,
		healthCheckedAt: null,
		credits: null,
		usage: { cursors: [null], index: 0, nextId: null, records: [], loading: false },
		imageUrl: null
	};

	const byId = (id) => document.getElementById(id);

	// ---- Language -------------------------------------------------------------------

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
	function t(key, params) {
		const dictionary = window.MESSAGES[state.language] || window.MESSAGES.en;
		const text = dictionary[key] ?? window.MESSAGES.en[key] ?? key;
		if (!params) {
			return text;
		}
		return text.replace(/\{(\w+)\}/g, (placeholder, name) => (name in params ? String(params[name]) : placeholder));
	}

	/** Sets an element's text from a key, and remembers the key so a language switch redraws it. */
	function setText(element, key, params) {
		element.dataset.i18n = key;
		if (params) {
			element.dataset.i18nParams = JSON.stringify(params);
		}
		else {
			delete element.dataset.i18nParams;
		}
		element.textContent = t(key, params);
	}

	function applyLanguage() {
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
		const imagePrompt = byId('image-prompt');
		if (!imagePrompt.dataset.edited) {
			imagePrompt.value = t('image.defaultPrompt');
		}
		updateThinkingAvailability();
		renderDemo();
		renderHealth();
		renderCredits();
		renderUsage();
	}

	function toggleLanguage() {
		state.language = (state.language === 'zh') ? 'en' : 'zh';
		saveLanguage(state.language);
		applyLanguage();
	}

	// ---- Formatting -----------------------------------------------------------------

	function locale() {
		return (state.language === 'zh') ? 'zh-CN' : 'en-US';
	}

	function formatNumber(value, digits) {
		if (value === null || value === undefined || value === '') {
			return '—';
		}
		const options = (digits === undefined) ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits };
		return new Intl.NumberFormat(locale(), options).format(Number(value));
	}

	function formatBytes(bytes) {
		if (bytes < 1024) {
			return bytes + ' B';
		}
		if (bytes < 1024 * 1024) {
			return formatNumber(bytes / 1024, 0) + ' KB';
		}
		return formatNumber(bytes / (1024 * 1024), 1) + ' MB';
	}

	function formatTime(epochMillis) {
		if (!epochMillis) {
			return '—';
		}
		return new Intl.DateTimeFormat(locale(), {
			month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
		}).format(new Date(epochMillis));
	}

	function formatSeconds(millis) {
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

	async function fetchJson(url, options) {
		const response = await fetch(url, options);
		if (!response.ok) {
			throw new Error(await errorMessage(response));
		}
		return response.json();
	}

	// ---- Chat -----------------------------------------------------------------------

	function selectedFormat() {
		return document.querySelector('input[name="format"]:checked').value;
	}

	function updateThinkingAvailability() {
		const supported = FORMATS_WITH_THINKING.has(selectedFormat());
		const checkbox = byId('thinking');
		checkbox.disabled = !supported;
		byId('thinking-label').classList.toggle('disabled', !supported);
		byId('thinking-label').title = supported ? '' : t('chat.thinkingUnsupported');
	}

	function createElement(tag, className, text) {
		const element = document.createElement(tag);
		if (className) {
			element.className = className;
		}
		if (text !== undefined) {
			element.textContent = text;
		}
		return element;
	}

	function createLabel(tag, className, key, params) {
		const element = createElement(tag, className);
		setText(element, key, params);
		return element;
	}

	/** Adds a prompt and an empty reply to the transcript, and returns the reply's parts. */
	function createTurn(prompt, format) {
		byId('transcript-empty').hidden = true;
		const turn = createElement('article', 'turn');
		turn.dataset.state = 'waiting';
		turn.dataset.format = format;

		const question = createElement('div', 'bubble user');
		const questionHead = createElement('div', 'bubble-head');
		questionHead.append(createLabel('span', 'who', 'turn.you'), createLabel('span', 'format-tag', 'format.' + format));
		question.append(questionHead, createElement('p', 'prompt-text', prompt));

		const reply = createElement('div', 'bubble assistant');
		const thinking = createElement('details', 'thinking');
		thinking.open = true;
		thinking.hidden = true;
		thinking.append(createLabel('summary', null, 'turn.thinking'), createElement('p', 'thinking-text'));
		const answer = createElement('p', 'answer');
		const tools = createElement('div', 'tools');
		const images = createElement('div', 'images');
		const status = createLabel('p', 'turn-status', 'turn.waiting');
		const summary = createElement('dl', 'summary');
		summary.hidden = true;
		reply.append(thinking, answer, tools, images, status, summary);

		turn.append(question, reply);
		byId('transcript').append(turn);
		scrollTranscript(true);
		return { element: turn, thinking, answer, tools, images, status, summary };
	}

	function scrollTranscript(force) {
		const transcript = byId('transcript');
		const nearBottom = transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight < 120;
		if (force || nearBottom) {
			transcript.scrollTop = transcript.scrollHeight;
		}
	}

	function markStreaming(stream) {
		if (stream.firstEventAt === null) {
			stream.firstEventAt = performance.now();
			stream.turn.element.dataset.state = 'streaming';
			setText(stream.turn.status, 'turn.streaming');
		}
	}

	function addToolCall(turn, data) {
		const card = createElement('div', 'tool-call');
		const head = createElement('div', 'tool-head');
		head.append(createElement('span', 'tool-icon', 'ƒ'), createLabel('span', 'tool-label', 'turn.toolCall'),
			createElement('code', 'tool-name', data.name));
		let argumentsText = data.arguments;
		try {
			argumentsText = JSON.stringify(JSON.parse(data.arguments), null, 2);
		}
		catch (error) {
			// Not JSON: show the arguments as sent.
		}
		card.append(head, createElement('pre', 'tool-arguments', argumentsText));
		turn.tools.append(card);
	}

	function addImage(turn, data) {
		const image = createElement('img', 'stream-image');
		image.src = data.dataUrl;
		image.alt = '';
		turn.images.append(image);
	}

	function addSummaryRow(summary, key, field, value) {
		const row = createElement('div');
		const valueElement = createElement('dd');
		valueElement.dataset.field = field;
		if (typeof value === 'string') {
			valueElement.textContent = value;
		}
		else {
			setText(valueElement, value.key, value.params);
		}
		row.append(createLabel('dt', null, key), valueElement);
		summary.append(row);
	}

	function showSummary(stream, data) {
		const summary = stream.turn.summary;
		const now = performance.now();
		if (data.model) {
			addSummaryRow(summary, 'summary.model', 'model', data.model);
		}
		addSummaryRow(summary, 'summary.stopReason', 'stopReason', data.stopReason || '—');
		if (data.inputTokens !== undefined || data.outputTokens !== undefined) {
			addSummaryRow(summary, 'summary.tokens', 'tokens', {
				key: 'summary.tokensValue',
				params: {
					input: formatNumber(data.inputTokens),
					output: formatNumber(data.outputTokens),
					total: formatNumber(data.totalTokens)
				}
			});
		}
		if (stream.firstEventAt !== null) {
			addSummaryRow(summary, 'summary.firstToken', 'firstToken',
				{ key: 'summary.seconds', params: { value: formatSeconds(stream.firstEventAt - stream.startedAt) } });
		}
		addSummaryRow(summary, 'summary.elapsed', 'elapsed',
			{ key: 'summary.seconds', params: { value: formatSeconds(now - stream.startedAt) } });
		summary.hidden = false;
	}

	/** Ends the current stream: closes the EventSource, so the browser drops the connection. */
	function endStream(outcome, detail) {
		const stream = state.stream;
		if (!stream) {
			return;
		}
		stream.source.close();
		state.stream = null;
		const turn = stream.turn;
		turn.element.dataset.state = outcome;
		turn.status.hidden = false;
		if (outcome === 'done') {
			turn.status.hidden = true;
			if (!turn.answer.textContent && turn.tools.childElementCount > 0) {
				setText(turn.answer, 'turn.noText');
				turn.answer.classList.add('muted');
			}
			showSummary(stream, detail);
			loadCredits();
		}
		else if (outcome === 'stopped') {
			setText(turn.status, 'turn.stopped');
		}
		else if (outcome === 'error') {
			turn.status.classList.add('error');
			if (detail) {
				setText(turn.status, 'turn.failed', { message: detail });
			}
			else {
				setText(turn.status, 'turn.connectionLost');
			}
		}
		setComposerBusy(false);
		scrollTranscript(false);
	}

	function setComposerBusy(busy) {
		byId('send').disabled = busy;
		byId('stop').disabled = !busy;
		document.querySelectorAll('input[name="format"]').forEach((radio) => {
			radio.disabled = busy;
		});
	}

	function sendPrompt(prompt) {
		if (state.stream || !prompt.trim()) {
			return;
		}
		const format = selectedFormat();
		const thinking = byId('thinking').checked && FORMATS_WITH_THINKING.has(format);
		const turn = createTurn(prompt, format);
		const query = new URLSearchParams({ prompt, thinking: String(thinking) });
		const source = new EventSource('api/stream/' + encodeURIComponent(format) + '?' + query);
		const stream = { source, turn, startedAt: performance.now(), firstEventAt: null };
		state.stream = stream;
		setComposerBusy(true);

		source.addEventListener('delta', (event) => {
			markStreaming(stream);
			turn.answer.textContent += JSON.parse(event.data).text;
			scrollTranscript(false);
		});
		source.addEventListener('thinking', (event) => {
			markStreaming(stream);
			turn.thinking.hidden = false;
			turn.thinking.querySelector('.thinking-text').textContent += JSON.parse(event.data).text;
			scrollTranscript(false);
		});
		source.addEventListener('tool', (event) => {
			markStreaming(stream);
			addToolCall(turn, JSON.parse(event.data));
			scrollTranscript(false);
		});
		source.addEventListener('image', (event) => {
			markStreaming(stream);
			addImage(turn, JSON.parse(event.data));
			scrollTranscript(false);
		});
		source.addEventListener('done', (event) => {
			if (state.stream === stream) {
				endStream('done', JSON.parse(event.data));
			}
		});
		// The server's own "error" event carries data, and a connection error does not.
		// Either way the stream ends here, because EventSource would otherwise reconnect
		// and send the prompt again.
		source.addEventListener('error', (event) => {
			if (state.stream !== stream) {
				return;
			}
			const message = event.data ? JSON.parse(event.data).message : null;
			endStream('error', message);
		});
	}

	function initChat() {
		document.querySelectorAll('input[name="format"]').forEach((radio) => {
			radio.addEventListener('change', updateThinkingAvailability);
		});
		byId('chat-form').addEventListener('submit', (event) => {
			event.preventDefault();
			const prompt = byId('prompt');
			if (prompt.value.trim()) {
				sendPrompt(prompt.value);
				prompt.value = '';
			}
		});
		byId('prompt').addEventListener('keydown', (event) => {
			// Enter sends and Shift+Enter adds a line, except while an input method is
			// composing Chinese text, where Enter picks the characters.
			if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
				event.preventDefault();
				byId('chat-form').requestSubmit();
			}
		});
		byId('stop').addEventListener('click', () => endStream('stopped'));
		byId('clear-chat').addEventListener('click', () => {
			if (state.stream) {
				endStream('stopped');
			}
			byId('transcript').querySelectorAll('.turn').forEach((turn) => turn.remove());
			byId('transcript-empty').hidden = false;
		});
		document.querySelectorAll('[data-suggestion]').forEach((chip) => {
			chip.addEventListener('click', () => {
				const prompt = byId('prompt');
				prompt.value = t('suggestion.' + chip.dataset.suggestion + '.prompt');
				prompt.focus();
			});
		});
		updateThinkingAvailability();
	}

	// ---- Image ----------------------------------------------------------------------

	function setImageState(imageState) {
		byId('image-result').dataset.state = imageState;
		byId('generate').disabled = (imageState === 'loading');
		if (imageState === 'loading') {
			setText(byId('generate'), 'image.generating');
		}
		else {
			setText(byId('generate'), 'image.generate');
		}
	}

	function showImageError(key, params) {
		const error = byId('image-error');
		setText(error, key, params);
		error.hidden = false;
	}

	async function generateImage(event) {
		event.preventDefault();
		const prompt = byId('image-prompt').value.trim();
		if (!prompt) {
			return;
		}
		const aspectRatio = byId('aspect-ratio').value;
		const imageSize = document.querySelector('input[name="image-size"]:checked').value;
		byId('image-error').hidden = true;
		setImageState('loading');
		try {
			const body = await fetchJson('api/images', {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ prompt, aspectRatio, imageSize })
			});
			const first = body.images && body.images[0];
			if (!first) {
				showImageError('image.noImage');
				setImageState(byId('image').hidden ? 'empty' : 'done');
				return;
			}
			await showImage(first, aspectRatio, imageSize);
			byId('image-text').textContent = body.text || '';
			setImageState('done');
		}
		catch (error) {
			showImageError('image.failed', { message: error.message });
			setImageState(byId('image').hidden ? 'empty' : 'done');
		}
	}

	/** Shows an image from its data URL, through a blob URL that large downloads also work with. */
	async function showImage(data, aspectRatio, imageSize) {
		const blob = await (await fetch(data.dataUrl)).blob();
		if (state.imageUrl) {
			URL.revokeObjectURL(state.imageUrl);
		}
		state.imageUrl = URL.createObjectURL(blob);
		const image = byId('image');
		image.src = state.imageUrl;
		image.alt = byId('image-prompt').value;
		await image.decode();
		image.hidden = false;
		byId('image-placeholder').hidden = true;
		const extension = (data.mimeType || 'image/png').split('/')[1] || 'png';
		const download = byId('image-download');
		download.href = state.imageUrl;
		download.download = 'liaobots-' + aspectRatio.replace(':', 'x') + '-' + imageSize + '.' + extension;
		download.hidden = false;
		setText(byId('image-details'), 'image.details',
			{ width: image.naturalWidth, height: image.naturalHeight, size: formatBytes(blob.size) });
	}

	function initImage() {
		byId('image-form').addEventListener('submit', generateImage);
		byId('image-prompt').addEventListener('input', (event) => {
			event.target.dataset.edited = 'true';
		});
	}

	// ---- Credits --------------------------------------------------------------------

	async function loadCredits() {
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
		byId('total').textContent = credits ? formatNumber(credits.amount) : '…';
		const meter = byId('balance-meter');
		const left = byId('balance-left');
		if (credits && credits.amount > 0 && credits.balance !== null) {
			const fraction = Math.max(0, Math.min(1, credits.balance / credits.amount));
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

	function initCredits() {
		byId('refresh-credits').addEventListener('click', () => {
			loadCredits();
			loadUsage(state.usage.index);
		});
		byId('prev-page').addEventListener('click', () => loadUsage(state.usage.index - 1));
		byId('next-page').addEventListener('click', () => loadUsage(state.usage.index + 1));
		loadCredits();
		loadUsage(0);
	}

	// ---- Status strip ---------------------------------------------------------------

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
		pill.textContent = window.MESSAGES.en['health.' + status] ? t('health.' + status) : status;
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
			const label = window.MESSAGES.en['domain.' + domain.state] ? t('domain.' + domain.state) : domain.state;
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

	function initStatus() {
		byId('primary-toggle').addEventListener('click', togglePrimary);
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

	// ---- Start ----------------------------------------------------------------------

	state.language = pickLanguage();
	byId('lang-toggle').addEventListener('click', toggleLanguage);
	initChat();
	initImage();
	initCredits();
	initStatus();
	applyLanguage();
	window.addEventListener('pagehide', () => endStream('stopped'));
})();
