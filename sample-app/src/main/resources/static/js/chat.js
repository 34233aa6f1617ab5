// The chat panel: sends a prompt to /api/stream/{format} with EventSource and shows the
// reply as its events arrive.
import { loadCredits } from './credits.js';
import { byId, createElement, createLabel, formatNumber, formatSeconds, onLanguageChange, setText, t } from './page.js';

const FORMATS_WITH_THINKING = new Set(['messages', 'gemini']);

const state = { stream: null };

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
export function endStream(outcome, detail) {
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

export function initChat() {
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
	onLanguageChange(updateThinkingAvailability);
}
