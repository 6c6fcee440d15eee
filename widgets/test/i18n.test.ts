import { expect } from 'chai';
import { en, hi, pickLocale, translate, type MessageKey } from '../src/shared/i18n.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('widgets: i18n', () => {
  it('has a Hindi string for every English key, and no extra keys', () => {
    const missing = Object.keys(en).filter((k) => !(k in hi));
    const extra = Object.keys(hi).filter((k) => !(k in en));
    expect(missing, 'missing in hi').to.deep.equal([]);
    expect(extra, 'only in hi').to.deep.equal([]);
  });

  it('has no empty strings and the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      expect(en[key].trim(), key).to.not.equal('');
      expect(hi[key].trim(), key).to.not.equal('');
      expect(placeholders(hi[key]), key).to.deep.equal(placeholders(en[key]));
    }
  });

  it('actually translates (Hindi strings are in Devanagari unless they are symbols or names)', () => {
    const untranslated = (Object.keys(en) as MessageKey[]).filter((k) => hi[k] === en[k] && /[a-z]{3,}/i.test(en[k].replace(/\{\w+\}/g, '')));
    expect(untranslated).to.deep.equal([]);
  });

  it('fills placeholders and leaves unknown ones alone', () => {
    expect(translate('en', 'credits', { n: 12.5 })).to.equal('12.5 credits');
    expect(translate('hi', 'credits', { n: 3 })).to.equal('3 क्रेडिट');
    expect(translate('en', 'rateLimited', {})).to.contain('{s}');
  });

  it('picks hi for Hindi locales and en otherwise', () => {
    expect(pickLocale('hi')).to.equal('hi');
    expect(pickLocale('hi-IN')).to.equal('hi');
    expect(pickLocale('HI')).to.equal('hi');
    expect(pickLocale('en-GB')).to.equal('en');
    expect(pickLocale('ta')).to.equal('en');
    expect(pickLocale(undefined)).to.equal('en');
  });
});
