// #/status: the cluster's silos and what they hold, the database, data source, API quota, tracked videos,
// recent runs and gaps. While the database is away only the silos, held data and quota can be shown.
import { get, regionsByCode } from './api.js';
import { flag, h, table } from './dom.js';
import { count, exact, size, time } from './format.js';
import { runLabels } from './regions.js';

const gapLabels = { missing: 'Not attempted', failed: 'Failed', skipped: 'Skipped (quota)', noChart: 'No chart', running: 'Running' };

export async function render() {
  const status = await get('/api/status');
  const database = status.database.reachable;
  const regions = database ? await regionsByCode() : new Map();
  // The gateway's default gap range is the last 24 buckets.
  const gapReports = await Promise.all((status.activeRegions ?? []).map((code) => get(`/api/regions/${code}/gaps`)));
  const { quota, tracking } = status;
  const regionName = (code) => regions.get(code)?.name ?? code;

  return h('section', {},
    h('h1', {}, 'Status'),
    h('p', { class: 'lead' }, 'Data from ',
      h('strong', {}, status.dataSource === 'fake' ? 'the simulated YouTube API' : 'the YouTube Data API'), '.'),
    !database && h('p', { class: 'error database-down' }, `The database is unreachable: ${status.database.error}`),

    h('h2', {}, 'Silos'),
    table(`${status.silos.length} silo${status.silos.length === 1 ? '' : 's'} in the cluster`,
      // On a phone the per-silo held figures give way to the address; the total below stays.
      ['Address', 'Status', { text: 'Held charts', attrs: { class: 'n wide-only' } }, { text: 'Held size', attrs: { class: 'n wide-only' } }],
      status.silos.map((silo) => h('tr', {},
        h('td', { class: 'mono' }, silo.address),
        h('td', {}, silo.status),
        h('td', { class: 'n wide-only' }, silo.held ? exact(silo.held.charts) : '—'),
        h('td', { class: 'n wide-only' }, size(silo.held?.bytes)))),
      { class: 'silos-table' }),
    h('p', { class: status.held.charts > 0 ? 'error held' : 'muted held' }, status.held.charts > 0
      ? `${exact(status.held.charts)} chart${status.held.charts === 1 ? '' : 's'} (${size(status.held.bytes)}) held on the silos until the database takes them.`
      : 'No chart is held back: everything collected is in the database.'),

    quota && [h('h2', {}, 'API quota'),
    h('div', { class: 'quota' },
      h('meter', { min: 0, max: quota.dailyUnits, value: quota.unitsUsed, 'aria-label': 'Quota units used today' }),
      h('p', {}, `${exact(quota.unitsUsed)} of ${exact(quota.dailyUnits)} units used today, ${exact(quota.unitsRemaining)} remaining; resets `, time(quota.resetsAt), '.'),
      quota.exhaustedUntil && h('p', { class: 'error' }, 'Quota exhausted: no calls until ', time(quota.exhaustedUntil), '.'),
      quota.configurationError && h('p', { class: 'error' }, `Configuration error: ${quota.configurationError}`),
      quota.refreshUnitsSkipped > 0 && h('p', { class: 'muted' }, `${exact(quota.refreshUnitsSkipped)} units of off-chart refreshes skipped to save quota.`))],

    tracking && [h('h2', {}, 'Videos'),
    h('ul', { class: 'tiles' },
      [['On a chart', tracking.onChart], ['Tracked off-chart', tracking.tracked], ['Gone', tracking.gone]].map(([label, value]) =>
        h('li', {}, h('span', { class: 'tile-label' }, label), h('span', { class: 'tile-value' }, count(value))))),
    h('p', { class: 'muted' }, `A video stays tracked for ${tracking.days} days after it leaves every chart; gone means deleted or made private.`)],

    database && [h('h2', {}, 'Active regions'),
    status.activeRegions.length
      ? h('ul', { class: 'chips' }, status.activeRegions.map((code) =>
        h('li', {}, h('a', { href: `#/regions/${code}`, class: 'with-flag' }, flag(regions.get(code)), regionName(code)))))
      : h('p', { class: 'empty' }, 'No region is collected on a schedule.')],

    database && [h('h2', {}, 'Recent runs'),
    status.lastRuns.length
      ? table('The latest collection runs, newest first',
        ['Region', 'Bucket', 'Outcome', { text: 'Videos', attrs: { class: 'n' } }, { text: 'API calls', attrs: { class: 'n wide-only' } },
          { text: 'Attempts', attrs: { class: 'n wide-only' } }, { text: 'Took', attrs: { class: 'wide-only' } }, 'Error'],
        status.lastRuns.map((run) => h('tr', {},
          h('td', {}, run.region),
          h('td', {}, time(run.bucket)),
          h('td', {}, h('span', { class: `run run-${run.status}` }, runLabels[run.status] ?? run.status)),
          h('td', { class: 'n' }, count(run.videos)),
          h('td', { class: 'n wide-only' }, exact(run.apiCalls)),
          h('td', { class: 'n wide-only' }, exact(run.attempts)),
          h('td', { class: 'wide-only' }, run.finishedAt ? seconds(run.startedAt, run.finishedAt) : 'running'),
          h('td', { class: 'error' }, run.error ?? ''))),
        { class: 'runs-table' })
      : h('p', { class: 'empty' }, 'No collection has run yet.')],

    gapReports.length > 0 && [
      h('h2', {}, 'Gaps in the last 24 buckets'),
      gapReports.map((report) => gaps(report, regionName(report.region))),
    ]);
}

/** One region's missing buckets, folded away behind a one-line summary. */
function gaps(report, name) {
  const summary = `${name}: ${report.gaps.length} of ${report.buckets} buckets without a successful collection`;
  if (report.gaps.length === 0) return h('p', { class: 'gap-summary' }, summary);
  return h('details', { class: 'gaps' },
    h('summary', {}, summary),
    table(`Gaps of ${name}`, ['Bucket', 'Status', { text: 'Attempts', attrs: { class: 'n' } }, 'Why'],
      report.gaps.map((gap) => h('tr', {},
        h('td', {}, time(gap.bucket)),
        h('td', {}, gapLabels[gap.status] ?? gap.status),
        h('td', { class: 'n' }, exact(gap.attempts)),
        h('td', {}, gap.reason ?? '')))));
}

const seconds = (start, end) => `${((Date.parse(end) - Date.parse(start)) / 1000).toFixed(1)} s`;
