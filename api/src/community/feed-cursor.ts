/**
 * How long a feed cursor stays valid. A trending walk reads scores as they were when it started, from
 * post_score_history, so that history is kept (community/init.ts prunes it) for twice this age.
 */
export const CURSOR_MAX_AGE_MS = 24 * 3600 * 1000;
