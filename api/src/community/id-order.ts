import type { Dialect } from '../db.js';

/**
 * Compares two ids exactly as the database orders them, for the few rows the trending feed merges in JS.
 * SQLite compares bytes. MySQL/MariaDB compare our utf8mb4_unicode_ci columns case-insensitively with
 * "_" < "-" < digits < letters (checked against MariaDB 10.11); ids only use [A-Za-z0-9_-].
 */
const weight = (ch: string) => {
  if (ch === '_') return 0;
  if (ch === '-') return 1;
  if (ch >= '0' && ch <= '9') return 2 + ch.charCodeAt(0) - 48;
  const l = ch.toLowerCase();
  if (l >= 'a' && l <= 'z') return 12 + l.charCodeAt(0) - 97;
  return 100 + ch.charCodeAt(0);
};

export function idComparator(dialect: Dialect): (a: string, b: string) => number {
  if (dialect === 'sqlite') return (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  return (a, b) => {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const d = weight(a[i]!) - weight(b[i]!);
      if (d) return d;
    }
    return a.length - b.length;
  };
}
