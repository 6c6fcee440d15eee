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
  // A remix chosen in the Community or My Creations opens the Studio page with the source post.
  document.addEventListener('ais-remix', (e) => {
    if (document.querySelector('ais-studio')) return;
    const postId = e.detail?.postId;
    if (postId) location.href = `/?remix=${encodeURIComponent(postId)}`;
  });
  document.addEventListener('ais-reopen', (e) => {
    if (document.querySelector('ais-studio')) return;
    const imageId = e.detail?.imageId;
    if (imageId) location.href = `/?reopen=${encodeURIComponent(imageId)}`;
  });
}

function configure(el) {
  el.getToken = getToken;
  if (el.localName === 'ais-studio') {
    const q = new URLSearchParams(location.search);
    if (q.get('remix')) el.setAttribute('remix-post-id', q.get('remix'));
    if (q.get('reopen')) el.setAttribute('reopen-image-id', q.get('reopen'));
  }
}

markNav();
wireEvents();
// The token source is set before the widgets upgrade, and again after, so their first request is authenticated either way.
widgets().forEach(configure);
await import('/widgets/ais-widgets.js');
await Promise.all(widgets().map((el) => customElements.whenDefined(el.localName)));
widgets().forEach((el) => { if (el.getToken !== getToken) configure(el); });
void refreshCredits();
