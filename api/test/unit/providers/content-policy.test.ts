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
