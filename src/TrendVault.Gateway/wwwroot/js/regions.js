// #/regions: every region as a card with its flag, whether it is collected, and its latest run.
import { adminControls } from './admin.js';
import { adminToken, get } from './api.js';
import { flag, h } from './dom.js';
import { time } from './format.js';

export const runLabels = { succeeded: 'Collected', failed: 'Failed', running: 'Running', no_chart: 'No chart', skipped: 'Skipped', imported: 'Imported' };

export async function render() {
  const [regions, status] = await Promise.all([get('/api/regions'), get('/api/status')]);
  // Runs come newest first: the first one seen per region is its latest.
  const latestRun = new Map();
  for (const run of status.lastRuns) if (!latestRun.has(run.region)) latestRun.set(run.region, run);

  const sorted = regions.toSorted((a, b) => b.active - a.active || a.name.localeCompare(b.name));
  const cards = sorted.map((region) => card(region, latestRun.get(region.code)));
  const search = h('input', {
    type: 'search', id: 'region-filter', placeholder: 'Name or code',
    oninput: () => {
      const text = search.value.trim().toLowerCase();
      for (const [i, region] of sorted.entries()) {
        cards[i].hidden = !!text && !region.name.toLowerCase().includes(text) && region.code.toLowerCase() !== text;
      }
    },
  });

  return h('section', {},
    h('h1', {}, 'Regions'),
    h('p', { class: 'lead' }, `${regions.length} regions, ${status.activeRegions.length} collected every bucket. `,
      adminToken.get() ? '' : 'Enter the admin token above to activate, deactivate or collect a region.'),
    h('p', { class: 'filter' }, h('label', { for: 'region-filter' }, 'Find a region '), search),
    h('ul', { class: 'region-grid' }, cards));
}

function card(region, run) {
  const badge = h('span', {});
  const showActive = (active) => {
    badge.className = `badge ${active ? 'on' : 'off'}`;
    badge.textContent = active ? 'Active' : 'Inactive';
  };
  showActive(region.active);

  return h('li', { class: 'region-card', 'data-region': region.code },
    h('a', { class: 'region-link', href: `#/regions/${region.code}` },
      flag(region, 'large'), h('span', { class: 'region-name' }, region.name), h('span', { class: 'code' }, region.code)),
    h('p', {}, badge, run && h('span', { class: `run run-${run.status}`, title: run.error ?? '' }, runLabels[run.status] ?? run.status)),
    h('p', { class: 'muted' }, 'Last collected ', time(region.lastCollectedAt)),
    adminToken.get() && adminControls(region, (change) => 'active' in change && showActive(change.active)));
}
