// #/videos/ID[?interval=hour|day]: metadata, counters over time (uPlot) and where the video trended.
import { get, regionsByCode } from './api.js';
import { flag, h, table, thumbnail } from './dom.js';
import { compact, count, duration, exact, time } from './format.js';

// uPlot is the global from lib/uPlot.iife.min.js, a classic deferred script that runs before this module.
const { uPlot } = globalThis;

export async function render({ params, query }) {
  const id = params[0];
  const interval = query.interval === 'day' ? 'day' : 'hour';
  const [video, points, regions] = await Promise.all([
    get(`/api/videos/${id}`), get(`/api/videos/${id}/snapshots`, { interval }), regionsByCode()]);
  const latest = video.latest;

  return h('article', { class: 'video-page' },
    h('header', { class: 'video-head' },
      thumbnail(video.thumbnailUrl, 'large'),
      h('div', {},
        h('h1', {}, video.title),
        h('p', { class: 'muted' }, video.channelTitle, ' · published ', time(video.publishedAt), ' · ', duration(video.durationSeconds)),
        h('p', {}, trackingBadge(video)))),
    h('ul', { class: 'tiles', 'aria-label': 'Latest counters' },
      [['Views', latest?.views], ['Likes', latest?.likes], ['Comments', latest?.comments]].map(([label, value]) =>
        h('li', {}, h('span', { class: 'tile-label' }, label), h('span', { class: 'tile-value' }, latest ? count(value) : '—')))),
    h('section', {},
      h('div', { class: 'section-head' },
        h('h2', {}, 'Over time'),
        h('nav', { class: 'segmented', 'aria-label': 'Interval' },
          [['hour', 'Hourly'], ['day', 'Daily']].map(([value, label]) =>
            h('a', { href: `#/videos/${id}?interval=${value}`, 'aria-current': value === interval ? 'page' : null }, label)))),
      points.length ? chart(points) : h('p', { class: 'empty' }, 'No snapshots yet.')),
    h('section', {},
      h('h2', {}, 'Where it trended'),
      video.regions.length
        ? table('Regions where this video was on the chart', ['Region', 'Best rank', 'Last on the chart'],
          video.regions.map((entry) => {
            const region = regions.get(entry.region);
            return h('tr', {},
              h('td', {}, h('a', { href: `#/regions/${entry.region}`, class: 'with-flag' }, flag(region), region?.name ?? entry.region)),
              h('td', { class: 'n' }, `#${entry.bestRank}`),
              h('td', {}, time(entry.lastTrendedAt)));
          }))
        : h('p', { class: 'empty' }, 'Not on any chart yet.')),
    h('details', {},
      h('summary', {}, 'Description and tags'),
      h('p', { class: 'description' }, video.description || 'No description.'),
      video.tags.length > 0 && h('ul', { class: 'tags' }, video.tags.map((tag) => h('li', {}, tag)))));
}

function trackingBadge(video) {
  switch (video.status) {
    case 'onChart': return h('span', { class: 'badge on' }, 'On a chart');
    case 'tracked': return h('span', { class: 'badge info' }, 'Tracked after leaving the charts');
    case 'gone': return h('span', { class: 'badge gone' }, 'Gone (deleted or private) since ', time(video.goneAt));
    default: return h('span', { class: 'badge off' }, 'No longer tracked');
  }
}

const metrics = [['views', 'Views', '#2563eb'], ['likes', 'Likes', '#db2777'], ['comments', 'Comments', '#059669']];

/**
 * One small chart per counter, so each has a scale that shows its own growth (views dwarf the rest),
 * with a shared cursor. The container's data-points is how many snapshots were handed to uPlot, its
 * data-span the seconds its time axis spans.
 */
function chart(points) {
  const times = points.map((point) => Date.parse(point.capturedAt) / 1000);
  const figure = h('figure', { class: 'chart', 'data-points': points.length, 'aria-label': `Views, likes and comments at ${points.length} points in time` });
  const panels = metrics.map(([key, label, color]) => {
    const values = points.map((point) => point[key]);
    // A count the channel hides arrives as nulls throughout: say so instead of drawing nothing.
    if (values.every((value) => value == null)) return { node: h('p', { class: 'chart-note' }, `${label}: hidden by the channel`) };
    return { node: h('div', { class: 'chart-panel' }), data: [times, values], label, color };
  });
  figure.append(...panels.map((panel) => panel.node));

  // Sized from the container, so the plots are built once it is laid out and resized with it.
  let plots;
  new ResizeObserver(([entry]) => {
    const width = Math.floor(entry.contentRect.width);
    if (width === 0) return;
    const drawn = panels.filter((panel) => panel.data);
    const height = Math.round(Math.min(200, Math.max(140, width * 0.22)));
    if (plots) plots.forEach((plot) => plot.setSize({ width, height }));
    else {
      plots = drawn.map((panel) => new uPlot(options(panel, width, height), panel.data, panel.node));
      // One point in time alone gets uPlot's default span of years around it: an hour either side instead.
      if (times.length && times.every((time) => time === times[0])) {
        plots.forEach((plot) => plot.setScale('x', { min: times[0] - 3600, max: times[0] + 3600 }));
      }
    }
    if (plots.length) figure.dataset.span = plots[0].scales.x.max - plots[0].scales.x.min;
  }).observe(figure);
  return figure;
}

function options({ label, color }, width, height) {
  // Compact ticks unless that would print the same label twice (a small range on a big number).
  const ticks = (u, values) => {
    const labels = values.map((value) => compact(value));
    return new Set(labels).size === labels.length ? labels : values.map((value) => exact(value));
  };
  return {
    width,
    height,
    title: label,
    cursor: { sync: { key: 'video' } },
    scales: { x: { time: true } },
    series: [{}, { label, stroke: color, width: 2, fill: `${color}14`, value: (u, value) => (value == null ? '—' : exact(value)) }],
    // Wide enough for the longest tick label (about 7 px a character at uPlot's 12 px font).
    axes: [{}, { values: ticks, size: (u, labels) => 16 + 7 * Math.max(3, ...(labels ?? []).map((text) => text.length)) }],
  };
}
