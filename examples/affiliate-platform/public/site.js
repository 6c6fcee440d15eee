// LearnLoop's page script: hands the studio widgets a token source, and reacts to their events.
const site = window.LEARNLOOP;

// The partner backend mints 15-minute studio tokens from the site's own session; cache one until shortly before it expires.
let cached;
let pending;
async function getToken({ forceRefresh = false } = {}) {
  if (!forceRefresh && cached && cached.expiresAt - Date.now() > 60_000) return cached.token;
  pending ??= (async () => {
    const res = await fetch('/partner/token', { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (res.status === 401) {
      location.href = `/signin?next=${encodeURIComponent(location.pathname + location.search)}`;
      throw new Error('signed out');
    }
    if (!res.ok) throw new Error(`token endpoint answered ${res.status}`);
    const body = await res.json();
    cached = { token: body.token, expiresAt: Date.parse(body.expiresAt) };
    return cached.token;
  })().finally(() => { pending = undefined; });
  return pending;
}
window.learnloopGetToken = getToken;

const widgets = () => [...document.querySelectorAll('[data-ais]')];

function toast(text) {
  const el = document.getElementById('ll-toast');
  if (!el) return;
  el.textContent = text;
  el.classList.add('ll-show');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => el.classList.remove('ll-show'), 4000);
}

async function refreshCredits() {
  const out = document.getElementById('ll-credits');
  if (!out) return;
  try {
    const res = await fetch(`${site.apiBase}/api/credits/balance`, { headers: { authorization: `Bearer ${await getToken()}` } });
    if (res.ok) out.textContent = String((await res.json()).credits);
  } catch { /* the header badge is a convenience */ }
}

function markNav() {
  const current = document.body.dataset.page;
  for (const a of document.querySelectorAll('.ll-nav a')) if (a.dataset.nav === current) a.setAttribute('aria-current', 'page');
}

function wireEvents() {
  document.addEventListener('ais-generated', () => { toast('Image ready — saved to My Creations.'); void refreshCredits(); });
  document.addEventListener('ais-published', () => toast('Published to the Community.'));
  document.addEventListener('ais-purchase-completed', (e) => {
    const added = e.detail?.creditsAdded;
    toast(added ? `${added} credits added to your wallet.` : 'Payment complete.');
    void refreshCredits();
  });
  document.addEventListener('ais-buy-credits', () => { if (!location.pathname.startsWith('/wallet')) location.href = '/wallet'; });
  // A remix chosen in the Community, or a creation reopened, continues on the Studio page: the widget's event
  // detail (the prefilled prompt) travels there in sessionStorage.
  for (const [type, param, key] of [['ais-remix', 'remix', 'postId'], ['ais-reopen', 'reopen', 'imageId']]) {
    document.addEventListener(type, (e) => {
      if (document.querySelector('ais-studio') || !e.detail?.[key]) return;
      sessionStorage.setItem(PREFILL_KEY, JSON.stringify(e.detail));
      location.href = `/?${param}=${encodeURIComponent(e.detail[key])}`;
    });
  }
}

const PREFILL_KEY = 'learnloop:studio-prefill';

/** On the Studio page: the prefill handed over by another page, or (a shared /?remix= link) a fresh remix. */
async function prefillStudio(studio) {
  const q = new URLSearchParams(location.search);
  const remix = q.get('remix'), reopen = q.get('reopen');
  if (!remix && !reopen) return;
  let detail;
  try { detail = JSON.parse(sessionStorage.getItem(PREFILL_KEY) ?? 'null'); } catch { /* ignore */ }
  sessionStorage.removeItem(PREFILL_KEY);
  if (detail && (detail.postId ?? detail.imageId) !== (remix ?? reopen)) detail = undefined;
  if (!detail && remix) {
    const res = await fetch(`${site.apiBase}/api/community/${encodeURIComponent(remix)}/remix/open`, {
      method: 'POST', headers: { authorization: `Bearer ${await getToken()}` },
    });
    if (!res.ok) return toast('That post cannot be remixed any more.');
    const r = await res.json();
    detail = { sourcePostId: r.sourcePostId, prompt: r.templatePrompt, enhancedPrompt: r.enhancedPrompt, tier: r.tier ?? undefined };
  }
  if (!detail) return;
  await studio.updateComplete;
  studio.prefill(remix ? { ...detail, sourcePostId: detail.sourcePostId ?? remix } : detail);
  history.replaceState(null, '', '/');
}

markNav();
wireEvents();
// The token source goes on each element before the bundle upgrades it, so the widgets' first requests carry a token;
// configure() sets the same page-wide for widgets added later. api-base, partner-key and locale are in the markup.
for (const el of widgets()) el.getToken = getToken;
const widgetsModule = await import('/widgets/ais-widgets.js');
widgetsModule.configure({ apiBase: site.apiBase, partnerKey: site.partnerKey, locale: site.locale, getToken });
const studio = document.querySelector('ais-studio');
if (studio) {
  await customElements.whenDefined('ais-studio');
  void prefillStudio(studio);
}
void refreshCredits();
