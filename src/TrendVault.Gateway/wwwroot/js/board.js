// #/regions/XX[?at=ISO]: a region's chart in one bucket, with gains and rank moves against the bucket before.
import { adminControls } from './admin.js';
import { get } from './api.js';
import { flag, h, srOnly, table, thumbnail } from './dom.js';
import { count, gain, time } from './format.js';

// RegionDetail.status.outcome, as /api/regions/{code} names it.
const outcomeLabels = { collected: 'Collected', alreadyCollected: 'Already collected', noChart: 'No chart', failed: 'Failed' };

export async function render({ params, query }) {
  const code = params[0].toUpperCase();
  const [region, categories] = await Promise.all([get(`/api/regions/${code}`), get(`/api/regions/${code}/categories`)]);
  const categoryNames = new Map(categories.map((category) => [category.id, category.title]));

  const facts = h('dl', { class: 'facts' }, regionFacts(region));
  const board = h('div', {}, await boardView(region, categoryNames, query.at));
  const reload = async () => {
    const fresh = await get(`/api/regions/${code}`);
    facts.replaceChildren(...regionFacts(fresh));
    board.replaceChildren(...await boardView(fresh, categoryNames, query.at));
  };

  return h('article', {},
    h('h1', { class: 'with-flag' }, flag(region, 'large'), region.name, ' ', h('span', { class: 'code' }, region.code)),
    facts,
    adminControls(region, reload),
    board);
}

function regionFacts(region) {
  const fact = (term, ...value) => [h('dt', {}, term), h('dd', {}, ...value)];
  const run = region.status;
  return [
    fact('Collection', h('span', { class: `badge ${region.active ? 'on' : 'off'}` }, region.active ? 'Active' : 'Inactive')),
    fact('Last collected', time(region.lastCollectedAt)),
    run && fact('Last run', `${outcomeLabels[run.outcome] ?? run.outcome}, ${run.videos} videos`, run.error && h('span', { class: 'error' }, ` — ${run.error}`)),
    region.nextDueAt && fact('Next due', time(region.nextDueAt)),
  ].flat().filter(Boolean);
}

async function boardView(region, categoryNames, at) {
  const url = `/api/regions/${region.code}/trending`;
  const board = await get(url, { at });
  if (!board.capturedAt) {
    return [h('p', { class: 'empty' }, at ? 'Nothing was collected at or before that time.' : 'Nothing collected yet.')];
  }
  // The previous bucket is the latest one strictly before this one.
  const previousAt = new Date(Date.parse(board.capturedAt) - 1000).toISOString();
  const previous = await get(url, { at: previousAt });
  const before = previous.capturedAt ? new Map(previous.items.map((item) => [item.videoId, item])) : null;
  // An imported chart's ranks are file positions: no rank moves are shown for it.
  const moves = board.imported ? null : before;

  const rows = board.items.map((item) => {
    const earlier = before?.get(item.videoId);
    return h('tr', { 'data-video-id': item.videoId },
      h('td', { class: 'rank' }, h('span', { class: 'rank-number' }, String(item.rank)), movement(moves, item, earlier)),
      h('td', { class: 'video' },
        h('a', { href: `#/videos/${item.videoId}` }, thumbnail(`https://i.ytimg.com/vi/${item.videoId}/default.jpg`), h('span', { class: 'title' }, item.title)),
        h('span', { class: 'channel' }, item.channelTitle)),
      h('td', { class: 'wide-only' }, categoryNames.get(item.categoryId) ?? ''),
      h('td', { class: 'n views' }, count(item.views)),
      h('td', { class: 'n likes wide-only' }, count(item.likes)),
      h('td', { class: 'n comments wide-only' }, count(item.comments)),
      h('td', { class: 'n gain' }, gain(earlier && item.views != null && earlier.views != null ? item.views - earlier.views : null)));
  });

  return [
    picker(region.code, board.capturedAt, previous.capturedAt && previousAt),
    board.imported
      ? h('p', { class: 'imported-note' }, 'Imported from a public trending dataset: the day\'s chart, ranked in the file\'s row order (the datasets carry no rank), with the counts of that day.')
      : '',
    table(
      h('span', {}, `Trending in ${region.name}, ${board.imported ? 'imported day' : 'bucket'} of `, time(board.capturedAt),
        previous.capturedAt ? h('span', {}, ', compared with ', time(previous.capturedAt)) : ` (the first one ${board.imported ? 'stored' : 'collected'})`),
      ['Rank', 'Video', { text: 'Category', attrs: { class: 'wide-only' } }, { text: 'Views', attrs: { class: 'n' } }, { text: 'Likes', attrs: { class: 'n wide-only' } }, { text: 'Comments', attrs: { class: 'n wide-only' } },
        { text: 'Gain', attrs: { class: 'n', title: 'Views gained since the previous bucket' } }],
      rows,
      { class: 'board-table' }),
  ];
}

function movement(before, item, earlier) {
  if (!before) return h('span', { class: 'muted', title: 'No earlier bucket to compare' }, '—');
  if (!earlier) return h('span', { class: 'move new', title: 'New on the chart' }, 'NEW');
  const delta = earlier.rank - item.rank;
  if (delta === 0) return h('span', { class: 'move same', title: 'Same rank' }, h('span', { 'aria-hidden': 'true' }, '='), srOnly('same'));
  const up = delta > 0;
  return h('span', { class: `move ${up ? 'up' : 'down'}`, title: `${up ? 'Up' : 'Down'} from #${earlier.rank}` },
    h('span', { 'aria-hidden': 'true' }, up ? '▲' : '▼'), srOnly(up ? 'up ' : 'down '), String(Math.abs(delta)));
}

/** Jump to any past bucket: a local date-time, or one step back, or the latest. */
function picker(code, capturedAt, previousAt) {
  const input = h('input', { type: 'datetime-local', id: 'bucket-at', step: 3600, value: localInputValue(capturedAt), required: true });
  return h('form', {
    class: 'picker',
    onsubmit: (event) => {
      event.preventDefault();
      location.hash = `#/regions/${code}?at=${encodeURIComponent(new Date(input.value).toISOString())}`;
    },
  },
  h('label', { for: 'bucket-at' }, 'Bucket at or before'), input, h('button', { type: 'submit' }, 'Show'),
  previousAt && h('a', { href: `#/regions/${code}?at=${encodeURIComponent(previousAt)}` }, '← Previous bucket'),
  h('a', { href: `#/regions/${code}` }, 'Latest'));
}

// <input type="datetime-local"> wants local wall-clock time without a zone.
function localInputValue(iso) {
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}
