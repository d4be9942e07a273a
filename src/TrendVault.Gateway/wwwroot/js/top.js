// #/top?region=&metric=&window=: the biggest gainers over a window ending at the latest bucket.
import { get, regionsByCode } from './api.js';
import { h, table } from './dom.js';
import { count, gain } from './format.js';

const metrics = { views: 'Views', likes: 'Likes', comments: 'Comments' };
const windows = { '6h': '6 hours', '24h': '24 hours', '7d': '7 days', '30d': '30 days' };

export async function render({ query }) {
  const choice = { region: query.region?.toUpperCase() ?? '', metric: query.metric ?? 'views', window: query.window ?? '24h' };
  const [regions, gainers] = await Promise.all([
    regionsByCode(), get('/api/stats/top', { ...choice, limit: 25 })]);

  const select = (name, label, options) => [
    h('label', { for: `top-${name}` }, label),
    h('select', { id: `top-${name}`, name },
      Object.entries(options).map(([value, text]) => h('option', { value, selected: value === choice[name] }, text))),
  ];
  const regionOptions = { '': 'All regions' };
  for (const region of [...regions.values()].sort((a, b) => a.name.localeCompare(b.name))) regionOptions[region.code] = region.name;

  const form = h('form', {
    class: 'choices',
    // Every change is a new URL, so a chosen view can be bookmarked and shared.
    onchange: () => { location.hash = `#/top?${new URLSearchParams(new FormData(form))}`; },
    onsubmit: (event) => event.preventDefault(),
  }, select('region', 'Region', regionOptions), select('metric', 'Metric', metrics), select('window', 'Window', windows));

  const metric = metrics[choice.metric] ?? choice.metric;
  const where = choice.region ? regions.get(choice.region)?.name ?? choice.region : 'all regions';
  return h('section', {},
    h('h1', {}, 'Top gainers'),
    form,
    gainers.length
      ? table(`${metric} gained in ${where} over ${windows[choice.window] ?? choice.window}`,
        ['#', 'Video', { text: `${metric} gained`, attrs: { class: 'n' } }, { text: 'From', attrs: { class: 'n wide-only' } }, { text: 'To', attrs: { class: 'n' } }],
        gainers.map((row, i) => h('tr', { 'data-video-id': row.videoId },
          h('td', { class: 'rank' }, String(i + 1)),
          h('td', { class: 'video' }, h('a', { href: `#/videos/${row.videoId}` }, h('span', { class: 'title' }, row.title))),
          h('td', { class: 'n' }, gain(row.gained)),
          h('td', { class: 'n wide-only' }, count(row.fromValue)),
          h('td', { class: 'n' }, count(row.toValue)))),
        { class: 'top-table' })
      : h('p', { class: 'empty' }, 'No gains in this window yet: it takes two collected buckets.'));
}
