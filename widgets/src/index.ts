/** Every Community AI Studio widget. Importing this module registers the custom elements. */
export * from './index-user.js';
export { AisAdmin } from './admin/ais-admin.js';
export type { AdminTab } from './admin/ais-admin.js';
