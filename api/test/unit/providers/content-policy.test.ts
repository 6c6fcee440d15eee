import { expect } from 'chai';
import { ALLOWED_PHRASES, BLOCKLIST, checkPrompt, normalisePrompt } from '../../../src/providers/content-policy.js';

function blocked(prompt: string): string[] {
  const r = checkPrompt(prompt);
  if (r.ok) throw new Error(`expected "${prompt}" to be blocked`);
  return r.terms;
}

describe('content policy', () => {
  it('exports a blocklist covering every brand-safety category', () => {
    expect(Object.keys(BLOCKLIST)).to.include.members(['sexual', 'violence', 'hate', 'self_harm', 'weapons', 'drugs']);
    for (const terms of Object.values(BLOCKLIST)) expect(terms.length).to.be.greaterThan(3);
    expect(ALLOWED_PHRASES).to.include('sex education');
  });

  const positives: [string, string][] = [
    ['a porn poster', 'porn'],
    ['NUDE woman on a beach', 'nude'],
    ['gory zombie with gore everywhere', 'gore'],
    ['a beheading scene', 'beheading'],
    ['nazi rally poster', 'nazi'],
    ['drawing about suicide', 'suicide'],
    ['I want to kill myself', 'kill myself'],
    ['how to make a bomb at home', 'how to make a bomb'],
    ['pipe bomb diagram', 'pipe bomb'],
    ['a pile of cocaine on a table', 'cocaine'],
    ['cooking crystal meth', 'crystal meth'],
    ['aftermath of a school shooting', 'school shooting'],
  ];
  for (const [prompt, term] of positives) {
    it(`blocks "${prompt}"`, () => {
      expect(blocked(prompt)).to.include(term);
    });
  }

  const obfuscated: [string, string][] = [
    ['p0rn', 'porn'],
    ['h3r0in needle', 'heroin'],
    ['c0c@ine', 'cocaine'],
    ['p o r n', 'porn'],
    ['n.u.d.e selfie', 'nude'],
    ['n-a-k-e-d', 'naked'],
    ['pornnnnn', 'porn'],
    ['Nüde', 'nude'],
    ['po\u200brn', 'porn'],
    ['self-harm art', 'self harm'],
    ['s3lf h@rm', 'self harm'],
  ];
  for (const [prompt, term] of obfuscated) {
    it(`sees through "${prompt.replace('\u200b', '<ZWSP>')}"`, () => {
      expect(blocked(prompt)).to.include(term);
    });
  }

  const negatives = [
    'Scunthorpe United match poster',
    'course promo for a skills assessment',
    'a shooting star over the lake',
    'killer deal: 50% off shoes',
    'bath bomb product shot',
    'method acting workshop flyer',
    'raccoon in a cocktail bar',
    'Diwali sale 2024!',
    'wow! what a view',
    'Al Gore giving a climate talk',
    'sex education webinar banner',
    'suicide prevention awareness ribbon',
    'nude colour lipstick product shot',
    'blue tits on a branch',
    'photobomb selfie',
    'class of 2025 graduation',
    'grape harvest, therapist office, assassin creed style',
    'a t-shirt with a cat',
  ];
  for (const prompt of negatives) {
    it(`allows "${prompt}"`, () => {
      expect(checkPrompt(prompt)).to.deep.equal({ ok: true });
    });
  }

  it('reports every matched term and the categories in the reason', () => {
    const r = checkPrompt('gore and cocaine');
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    expect(r.terms).to.have.members(['gore', 'cocaine']);
    expect(r.reason).to.contain('graphic violence').and.contain('illegal drugs');
  });

  it('normalises without mangling ordinary text', () => {
    expect(normalisePrompt('Café  “Grand” Opening — 2024!')).to.equal('cafe grand opening 2024');
    expect(normalisePrompt('h3ll0 w0rld')).to.equal('hello world');
  });
});

describe('content policy: Hindi, Hinglish and a partner\'s own terms', () => {
  it('blocks Devanagari Hindi terms, whatever the nukta or chandrabindu spelling', () => {
    expect(checkPrompt('एक अश्लील पोस्टर').ok).to.equal(false);
    // भोसड़ी with the precomposed ड़ (U+095C) and with ड + nukta, and without the nukta at all.
    for (const v of ['भोस\u095Cी', 'भोस\u0921\u093Cी', 'भोसडी']) expect(checkPrompt(`यह ${v} वाला`).ok, v).to.equal(false);
    expect(checkPrompt('गाँडू').ok).to.equal(false);
    expect(checkPrompt('गांडू').ok).to.equal(false);
  });

  it('blocks Hinglish profanity, also in mixed lines and with leetspeak', () => {
    for (const p of ['poster for behenchod sale', 'ye chutiya offer', 'MADARCHOD', 'ch00tiya banner', 'sale ka पोस्टर chutiye']) {
      expect(checkPrompt(p).ok, p).to.equal(false);
    }
  });

  it('lets ordinary Hindi, Hinglish and names through', () => {
    for (const p of ['दीवाली सेल का पोस्टर, 50% छूट', 'chodo yaar, naya offer', 'Lund University open day', 'Laura\'s bakery', 'Randi from Texas',
      'नंगा पर्बत की चोटी पर सूर्योदय', 'आत्महत्या रोकथाम हेल्पलाइन का पोस्टर', 'Lada car ad', 'SEO masterclass में 50% off']) {
      expect(checkPrompt(p).ok, p).to.equal(true);
    }
  });

  it('blocks a partner\'s own terms in any script, as whole words', () => {
    const terms = ['crypto pump', 'सट्टा', 'betting'];
    expect(checkPrompt('Join our CRYPTO   PUMP group', terms)).to.deep.include({ ok: false });
    expect(checkPrompt('सट्टा बाज़ार', terms).ok).to.equal(false);
    expect(checkPrompt('b3tting tips', terms).ok, 'leetspeak on Latin partner terms').to.equal(false);
    expect(checkPrompt('abetting a friend', terms).ok, 'whole words only').to.equal(true);
    expect(checkPrompt('सट्टेबाज़ी नहीं', terms).ok, 'another word').to.equal(true);
    const r = checkPrompt('betting', terms);
    expect(r.ok ? '' : r.reason).to.match(/terms this site does not allow/);
    expect(checkPrompt('betting').ok, 'other partners are not affected').to.equal(true);
  });
});
