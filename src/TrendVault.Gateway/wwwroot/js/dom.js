// A tiny element builder. Text always goes through text nodes, never innerHTML, because titles,
// descriptions and channel names come from YouTube.

/** h('a', { href: '#/x', class: 'y' }, 'text', childNode, [more, children]) */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children.flat(Infinity).filter((child) => child != null && child !== false));
  return node;
}

/** A table with a caption and column headers; cells may be strings or nodes. */
export function table(caption, headers, rows, attrs = {}) {
  return h('div', { class: 'table-wrap' },
    h('table', attrs,
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map((header) => typeof header === 'string'
        ? h('th', { scope: 'col' }, header)
        : h('th', { scope: 'col', ...header.attrs }, header.text)))),
      h('tbody', {}, rows)));
}

/** A flag image; a missing or broken flag leaves the region code readable next to it. */
export function flag(region, size = 'small') {
  if (!region?.flagUrl) return h('span', { class: `flag flag-${size} flag-missing`, 'aria-hidden': 'true' });
  return h('img', {
    class: `flag flag-${size}`, src: region.flagUrl, alt: '', loading: 'lazy',
    onerror: (event) => event.target.classList.add('flag-missing'),
  });
}

/** A video thumbnail over a placeholder; i.ytimg.com is often unreachable, so a failed image just leaves the placeholder. */
export function thumbnail(url, size = 'small') {
  return h('span', { class: `thumb thumb-${size}`, 'aria-hidden': 'true' },
    url && h('img', { src: url, alt: '', loading: 'lazy', onerror: (event) => event.target.remove() }));
}

/** Text for screen readers only, e.g. the words behind an arrow symbol. */
export const srOnly = (text) => h('span', { class: 'sr-only' }, text);
