// autocannon ships no types; the bench uses a handful of its options and events.
declare module 'autocannon';
