import { expect } from 'chai';
import { lookupCategoryStyle } from '../../../src/providers/text/category-styles.js';
import { RuleBasedEnhancer, normalise } from '../../../src/providers/text/rule-based-enhancer.js';
import { MAX_PROMPT_CHARS } from '../../../src/providers/text/types.js';

const enhancer = new RuleBasedEnhancer();
const words = (t: string) => t.toLowerCase().match(/[a-z]+/g) ?? [];

describe('RuleBasedEnhancer', () => {
  it('normalises whitespace, filler and repeated words', async () => {
    expect(normalise('  please generate an image of a   a cat cat  . ')).to.equal('a cat');
    const { enhancedPrompt } = await enhancer.enhance({ prompt: '  please generate an image of a   a cat cat ' });
    expect(enhancedPrompt).to.match(/^A cat, /);
  });

  it('fills missing style, lighting, composition and colour', async () => {
    const { enhancedPrompt, suggestions } = await enhancer.enhance({ prompt: 'a fox in the woods' });
    expect(enhancedPrompt).to.match(/^A fox in the woods, /);
    expect(enhancedPrompt).to.contain('detailed digital illustration');
    expect(enhancedPrompt).to.contain('soft natural lighting');
    expect(enhancedPrompt).to.contain('balanced composition');
    expect(enhancedPrompt).to.contain('colour palette');
    expect(suggestions).to.have.length.within(3, 5);
  });

  it('leaves what the prompt already says alone', async () => {
    const prompt = 'Watercolour painting of a lighthouse at golden hour, close-up, teal palette, calm, detailed';
    const { enhancedPrompt } = await enhancer.enhance({ prompt });
    expect(enhancedPrompt).to.equal(prompt);
  });

  it('applies the Course Promo category style', async () => {
    const { enhancedPrompt, suggestions } = await enhancer.enhance({ prompt: 'Python course for beginners', categoryStyle: 'Course Promo' });
    expect(enhancedPrompt).to.contain('clean flat vector illustration').and.contain('bold headline space');
    expect(enhancedPrompt).not.to.contain('natural lighting');
    // It names an audience already, so that is not suggested; the headline is.
    expect(suggestions.join(' ')).not.to.contain('Name the audience');
    expect(suggestions[0]).to.contain('headline');
  });

  it('uses product photography for product categories and free text as a style', async () => {
    expect((await enhancer.enhance({ prompt: 'red sneaker', categoryStyle: 'Product Shots' })).enhancedPrompt).to.contain('studio product photography');
    expect((await enhancer.enhance({ prompt: 'my bakery', categoryStyle: 'Retro 70s style' })).enhancedPrompt).to.contain('retro 70s style');
  });

  it('merges a template, filling {subject} placeholders', async () => {
    const { enhancedPrompt } = await enhancer.enhance({ prompt: 'Coffee mug', templatePrompt: 'Minimal flat lay of {subject} on a marble table' });
    expect(enhancedPrompt).to.match(/^Minimal flat lay of coffee mug on a marble table/);
    const appended = await enhancer.enhance({ prompt: 'A bakery logo', templatePrompt: 'Vintage badge, warm tones' });
    expect(appended.enhancedPrompt).to.match(/^A bakery logo, vintage badge/);
  });

  it('never repeats a word group and adds nothing already covered', async () => {
    const { enhancedPrompt } = await enhancer.enhance({ prompt: 'a cat, a cat, soft lighting', categoryStyle: 'Festival' });
    expect(enhancedPrompt.match(/a cat/gi)).to.have.length(1);
    expect(enhancedPrompt).not.to.contain('natural lighting');
    const fragments = enhancedPrompt.toLowerCase().split(', ');
    expect(new Set(fragments).size).to.equal(fragments.length);
  });

  it('asks for a quoted headline on textual prompts and adds headline room', async () => {
    const r = await enhancer.enhance({ prompt: 'summer sale banner for a shoe shop' });
    expect(r.enhancedPrompt).to.contain('clear space for headline text');
    expect(r.suggestions.some((s) => s.includes('headline in quotes'))).to.equal(true);
    const quoted = await enhancer.enhance({ prompt: 'summer sale banner with the text "50% OFF"' });
    expect(quoted.enhancedPrompt).not.to.contain('clear space for headline text');
    expect(quoted.enhancedPrompt).to.contain('"50% OFF"');
  });

  it('returns 3-5 concrete suggestions, always', async () => {
    for (const prompt of ['x', 'a fox', 'Watercolour painting of a lighthouse at golden hour, close-up, teal palette, calm, for kids']) {
      const { suggestions } = await enhancer.enhance({ prompt });
      expect(suggestions).to.have.length.within(3, 5);
      expect(new Set(suggestions).size).to.equal(suggestions.length);
    }
    const { suggestions } = await enhancer.enhance({ prompt: 'a fox' });
    expect(suggestions).to.include("Add a colour palette, e.g. 'teal and coral' or 'warm earth tones'.");
    expect(suggestions.some((s) => s.startsWith('Name the audience'))).to.equal(true);
  });

  it('keeps the result within the length bound', async () => {
    const long = Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ');
    const { enhancedPrompt } = await enhancer.enhance({ prompt: long, categoryStyle: 'Course Promo' });
    expect(enhancedPrompt.length).to.be.at.most(MAX_PROMPT_CHARS);
    expect(enhancedPrompt).to.contain('clean flat vector illustration');
    expect(words(enhancedPrompt)[0]).to.equal('word');
  });

  it('never returns an empty prompt', async () => {
    expect((await enhancer.enhance({ prompt: '   ' })).enhancedPrompt.length).to.be.greaterThan(10);
  });

  it('matches category names loosely', () => {
    expect(lookupCategoryStyle('course promo')?.style).to.equal('clean flat vector illustration');
    expect(lookupCategoryStyle('Course Promos')?.style).to.equal('clean flat vector illustration');
    expect(lookupCategoryStyle('Diwali Festival Greetings')?.style).to.equal('vibrant festive illustration');
    expect(lookupCategoryStyle('Business')?.style).to.equal('polished corporate illustration');
    expect(lookupCategoryStyle('Underwater basket weaving')).to.equal(undefined);
  });
});
