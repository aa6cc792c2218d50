import { describe, expect, it } from 'vitest';
import { plural, withArticle } from '../../src/app/text';

describe('English on screen', () => {
  it('puts "an" before a track whose name starts with a vowel sound', () => {
    expect(withArticle('ML Engineer')).toBe('an ML Engineer');
    expect(withArticle('Research Scientist')).toBe('a Research Scientist');
    expect(withArticle('Applied Scientist')).toBe('an Applied Scientist');
  });

  it('counts in the singular for one', () => {
    expect(plural(1, 'run')).toBe('1 run');
    expect(plural(2, 'run')).toBe('2 runs');
    expect(plural(0, 'submit')).toBe('0 submits');
  });
});
