// Activate, deactivate and "collect now" for one region. The buttons are always usable: without a
// valid token the gateway refuses, and its own message is shown next to them.
import { postAdmin } from './api.js';
import { h } from './dom.js';
import { compact } from './format.js';

const outcomes = {
  collected: (r) => `Collected ${compact(r.videos)} videos for the bucket of ${new Date(r.capturedAt).toLocaleString()}.`,
  alreadyCollected: (r) => `This bucket was already collected (${compact(r.videos)} videos).`,
  noChart: () => 'YouTube has no chart for this region.',
};

/** onChange({ active }) after (de)activation, onChange({ collected }) after a collection. */
export function adminControls(region, onChange) {
  let active = region.active;
  const message = h('p', { class: 'admin-message', role: 'status' });
  const say = (text, kind) => {
    message.textContent = text;
    message.className = `admin-message ${kind}`;
  };

  async function run(button, path, succeed) {
    button.disabled = true;
    say('Working…', 'pending');
    try {
      say(succeed(await postAdmin(`/api/regions/${region.code}/${path}`)), 'ok');
    } catch (error) {
      say(error.message, 'error');
    } finally {
      button.disabled = false;
    }
  }

  const toggle = h('button', {
    type: 'button',
    onclick: () => run(toggle, active ? 'deactivate' : 'activate', (result) => {
      active = result.active;
      showToggle();
      onChange?.({ active });
      return active ? `${region.name} is now collected every bucket.` : `${region.name} is no longer collected.`;
    }),
  });
  const showToggle = () => {
    toggle.textContent = active ? 'Deactivate' : 'Activate';
    toggle.setAttribute('aria-label', `${toggle.textContent} ${region.name}`);
  };
  showToggle();

  const collect = h('button', {
    type: 'button',
    'aria-label': `Collect ${region.name} now`,
    onclick: () => run(collect, 'collect', (result) => {
      onChange?.({ collected: result });
      return outcomes[result.outcome]?.(result) ?? result.outcome;
    }),
  }, 'Collect now');

  return h('div', { class: 'admin', role: 'group', 'aria-label': `Admin actions for ${region.name}` }, toggle, collect, message);
}
