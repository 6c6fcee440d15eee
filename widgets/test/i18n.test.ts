import { expect } from 'chai';
import { en, type MessageKey } from '../src/shared/i18n.js';
import { hi } from '../src/shared/i18n-hi.js';
import { loadLocale, localeReady, pickLocale, registerStrings, resetRegisteredStrings, translate } from '../src/shared/translate.js';
import { classifyError, errorMessageKey, formatNumber } from '../src/shared/format.js';
import { formatDate, formatInr, relativeTime } from '../src/shared/format-extra.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('widgets: i18n', () => {
  it('loads Hindi on demand: English until the chunk is in, Hindi after', async () => {
    expect(localeReady('en')).to.equal(true);
    if (!localeReady('hi')) expect(translate('hi', 'retry')).to.equal(en.retry);
    await loadLocale('hi-IN');
    expect(localeReady('hi')).to.equal(true);
    expect(translate('hi', 'retry')).to.equal(hi.retry);
  });

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

describe('widgets: strings a partner controls', () => {
  before(() => loadLocale('hi'));
  afterEach(() => resetRegisteredStrings());

  it('overrides one word in one locale and leaves the rest', () => {
    const strings = { en: { generate: 'Create · {cost}' } };
    expect(translate('en', 'generate', { cost: '1 credit' }, strings)).to.equal('Create · 1 credit');
    expect(translate('en', 'retry', undefined, strings)).to.equal('Try again');
    expect(translate('hi', 'generate', { cost: 'x' }, strings)).to.equal(translate('hi', 'generate', { cost: 'x' }));
  });

  it('adds a locale without a rebuild: its strings win, missing ones fall back to English', () => {
    const strings = { ta: { retry: 'மீண்டும் முயற்சிக்கவும்' } };
    expect(pickLocale('ta', strings)).to.equal('ta');
    expect(pickLocale('ta-IN', strings)).to.equal('ta');
    expect(translate('ta', 'retry', undefined, strings)).to.equal('மீண்டும் முயற்சிக்கவும்');
    expect(translate('ta', 'cancel', undefined, strings)).to.equal('Cancel');
  });

  it('page-wide strings (configure({strings})) apply to every widget, element strings win over them', () => {
    registerStrings({ 'pt-BR': { retry: 'Tentar de novo' }, hi: { retry: 'दोबारा' } });
    expect(pickLocale('pt-BR')).to.equal('pt-BR');
    expect(pickLocale('pt')).to.equal('en');
    expect(translate('pt-BR', 'retry')).to.equal('Tentar de novo');
    expect(translate('hi', 'retry')).to.equal('दोबारा');
    expect(translate('hi', 'retry', undefined, { hi: { retry: 'फिर से' } })).to.equal('फिर से');
  });

  it('formats numbers, money and dates with Intl for the locale', () => {
    expect(formatNumber(1234567, 'hi')).to.equal(new Intl.NumberFormat('hi-IN', { maximumFractionDigits: 1 }).format(1234567));
    expect(formatInr(250, 'en')).to.equal('₹250');
    expect(formatInr(9.5, 'de', 'EUR')).to.match(/9,50\s?€/);
    expect(formatDate('2026-03-05T10:00:00Z', 'hi')).to.equal(new Intl.DateTimeFormat('hi-IN', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date('2026-03-05T10:00:00Z')));
    // A locale added by a partner without relative-time strings still reads naturally, through Intl.RelativeTimeFormat.
    registerStrings({ fr: { retry: 'Réessayer' } });
    expect(relativeTime('2026-03-05T09:55:00Z', 'fr', Date.parse('2026-03-05T10:00:00Z'))).to.equal('il y a 5 minutes');
  });

  it('tells an expired token from a refused one', () => {
    expect(classifyError({ code: 'unauthorized', status: 401, problem: { reason: 'token_expired' } }).kind).to.equal('unauthorized');
    expect(classifyError({ code: 'unauthorized', status: 401, problem: { reason: 'token_invalid' } }).kind).to.equal('auth-invalid');
    expect(translate('en', 'authInvalidTitle')).to.equal('We could not sign you in');
    expect(errorMessageKey('auth-invalid')).to.equal('authInvalid');
    expect(classifyError({ code: 'feature_disabled', status: 403 }).kind).to.equal('feature-disabled');
  });
});
