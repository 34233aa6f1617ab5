// The sample page: a chat panel that streams replies over Server-Sent Events, an image
// panel, a credits panel and a status strip fed by the actuator health endpoint. All
// text comes from the dictionary in i18n.js.
import { endStream, initChat } from './chat.js';
import { initCredits } from './credits.js';
import { initImage } from './image.js';
import { applyLanguage, startLanguage } from './page.js';
import { initStatus } from './status.js';

startLanguage();
initChat();
initImage();
initCredits();
initStatus();
applyLanguage();
window.addEventListener('pagehide', () => endStream('stopped'));
