/** The partner's public settings (GET /api/studio/settings), fetched once per page for each API and partner key. */
export interface PartnerSettings {
  features: { community: boolean; remix: boolean; referrals: boolean; purchases: boolean; promptEnhancement: boolean };
  tiers: { tier: string; credits: number; width: number; height: number; label: string }[];
  formats: string[];
  locale: { default: string; currency: string; timezone: string };
}

const cache = new Map<string, Promise<PartnerSettings | undefined>>();

/** Never throws: without settings every feature counts as on, and the routes themselves still answer 403. */
export function partnerSettings(baseUrl: string, partnerKey: string | undefined): Promise<PartnerSettings | undefined> {
  const key = `${baseUrl}|${partnerKey ?? ''}`;
  let p = cache.get(key);
  if (!p) {
    p = (async () => {
      try {
        const r = await fetch(`${baseUrl.replace(/\/$/, '')}/api/studio/settings`, { headers: partnerKey ? { 'X-Partner-Key': partnerKey } : {} });
        return r.ok ? ((await r.json()) as PartnerSettings) : undefined;
      } catch {
        return undefined;
      }
    })();
    cache.set(key, p);
    // A failed fetch is retried by the next widget that asks, not cached for the page's life.
    void p.then((v) => { if (!v) cache.delete(key); });
  }
  return p;
}
