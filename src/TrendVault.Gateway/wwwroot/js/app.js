// Hash routing: each route renders one page module into <main>; the admin token form in the header.
import { adminToken } from './api.js';
import * as board from './board.js';
import { h } from './dom.js';
import * as regions from './regions.js';
import * as status from './status.js';
import * as top from './top.js';
import * as video from './video.js';

const routes = [
  { path: /^regions$/, page: regions, nav: 'regions' },
  { path: /^regions\/([A-Za-z]{2})$/, page: board, nav: 'regions' },
  { path: /^videos\/([\w-]{11})$/, page: video },
  { path: /^top$/, page: top, nav: 'top' },
  { path: /^status$/, page: status, nav: 'status' },
];

const view = document.getElementById('view');
let latestNavigation = 0;
let shownPath;

async function show() {
  const [path, search = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const route = routes.find((candidate) => candidate.path.test(path));
  if (!route) {
    location.replace('#/regions');
    return;
  }
  const navigation = ++latestNavigation;
  for (const link of document.querySelectorAll('nav[aria-label="Main"] a')) {
    if (link.dataset.route === route.nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  view.setAttribute('aria-busy', 'true');

  let content;
  try {
    content = await route.page.render({ params: route.path.exec(path).slice(1), query: Object.fromEntries(new URLSearchParams(search)) });
  } catch (error) {
    content = h('div', { class: 'problem', role: 'alert' }, h('h1', {}, 'Could not load this page'), h('p', {}, error.message));
  }
  // A slow page must not overwrite the one the user navigated to since.
  if (navigation !== latestNavigation) return;
  view.replaceChildren(content);
  view.removeAttribute('aria-busy');
  document.title = `${content.querySelector('h1')?.textContent ?? ''} · TrendVault`;
  // A new page starts at the top; another view of the same page (a new bucket, interval or filter) keeps its place.
  if (shownPath !== undefined && shownPath !== path) {
    window.scrollTo(0, 0);
    view.focus({ preventScroll: true });
  }
  shownPath = path;
}

const tokenForm = document.getElementById('token-form');
const tokenInput = document.getElementById('admin-token');
tokenInput.value = adminToken.get();
tokenForm.addEventListener('submit', (event) => {
  event.preventDefault();
  adminToken.set(tokenInput.value.trim());
  show();
});

window.addEventListener('hashchange', show);
show();
