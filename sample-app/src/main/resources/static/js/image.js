// The image panel: generates an image through /api/images and offers it for download.
import { byId, fetchJson, formatBytes, onLanguageChange, setText, t } from './page.js';

const state = { imageUrl: null };

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

export function initImage() {
	byId('image-form').addEventListener('submit', generateImage);
	byId('image-prompt').addEventListener('input', (event) => {
		event.target.dataset.edited = 'true';
	});
	onLanguageChange(() => {
		const imagePrompt = byId('image-prompt');
		if (!imagePrompt.dataset.edited) {
			imagePrompt.value = t('image.defaultPrompt');
		}
	});
}
