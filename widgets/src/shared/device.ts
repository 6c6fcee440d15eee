/** A stable per-browser id sent as `X-Device-Id` (referral fraud checks compare referrer and referee devices). */
const KEY = 'ais-device-id';
let memory: string | undefined;

function uuid(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  const b = new Uint8Array(16);
  c?.getRandomValues ? c.getRandomValues(b) : b.forEach((_, i) => (b[i] = Math.floor(Math.random() * 256)));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function deviceId(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = safeLocalStorage()): string {
  try {
    const existing = storage?.getItem(KEY);
    if (existing) return existing;
    const id = memory ?? uuid();
    storage?.setItem(KEY, id);
    memory = id;
    return id;
  } catch {
    // Private mode or blocked storage: keep one id for the life of the page.
    return (memory ??= uuid());
  }
}

function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
