/**
 * The CDN bundle (dist/ais-widgets.js, served at /widgets/v<version>/): the five user widgets, with the admin
 * widget and the non-English strings as chunks loaded on demand from the same folder. The npm package keeps
 * index.ts (everything, statically). Sizes are budgeted in widgets/test/bundle-size.test.ts.
 */
export * from './index-user.js';
export type { AdminTab } from './admin/ais-admin.js';

/** Resolves with the admin widget's class once its chunk is loaded (and `<ais-admin>` defined). */
export function loadAdmin(): Promise<typeof import('./admin/ais-admin.js').AisAdmin> {
  return import('./admin/ais-admin.js').then((m) => m.AisAdmin);
}

/**
 * `<ais-admin>` is defined when the page uses it: at once when it is in the document, else when one is added
 * (watched until then). Pages without it never download the admin chunk.
 */
function loadAdminWhenUsed(): void {
  const doc = globalThis.document;
  if (!doc || customElements.get('ais-admin')) return;
  if (doc.querySelector('ais-admin')) {
    void loadAdmin();
    return;
  }
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      for (const node of r.addedNodes) {
        const el = node as Element;
        if (el.nodeType === 1 && (el.localName === 'ais-admin' || el.querySelector?.('ais-admin'))) {
          observer.disconnect();
          void loadAdmin();
          return;
        }
      }
    }
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
}
loadAdminWhenUsed();
