// Numbers and times for people: compact values on screen, exact ones on hover.
import { h } from './dom.js';

const compactFormat = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
const exactFormat = new Intl.NumberFormat();
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const compact = (value) => compactFormat.format(value);
export const exact = (value) => exactFormat.format(value);

/** A counter cell: "1.2M" with the exact value as its title; null (hidden by the channel) reads "hidden", never 0. */
export function count(value) {
  if (value == null) return h('span', { class: 'hidden-count', title: 'Hidden by the channel' }, 'hidden');
  return h('span', { class: 'num', title: exact(value) }, compact(value));
}

/** A growth figure such as "+12.3K"; null when it cannot be known (no earlier value or a hidden count). */
export function gain(value) {
  if (value == null) return h('span', { class: 'muted', title: 'No earlier value to compare' }, '—');
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return h('span', { class: `num ${value > 0 ? 'up' : value < 0 ? 'down' : ''}`, title: sign + exact(Math.abs(value)) },
    sign + compact(Math.abs(value)));
}

/** A <time> element in the viewer's time zone, with the UTC instant as its title. */
export function time(iso) {
  if (!iso) return h('span', { class: 'muted' }, 'never');
  return h('time', { datetime: iso, title: new Date(iso).toISOString() }, dateTimeFormat.format(new Date(iso)));
}

/** Bytes as KiB or MiB; an em dash when unknown. */
export function size(bytes) {
  if (bytes == null) return '—';
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function duration(seconds) {
  if (seconds == null) return '—';
  if (seconds === 0) return 'live';
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}
