// Small pieces of English the screens share.

/** "an ML Engineer", "a Research Scientist": the article follows the first sound. */
export function withArticle(name: string): string {
  return /^(ML\b|[AEIOU])/.test(name) ? `an ${name}` : `a ${name}`;
}

export const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** "1 run", "2 runs". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
