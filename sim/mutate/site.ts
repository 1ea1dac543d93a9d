// A mutant's stable name, for lists kept by hand (the equivalent mutants): its file, the function
// it sits in, and the whole source line(s) it touches before and after the edit, comments dropped
// and spaces collapsed. Line numbers and offsets are left out, so an edit elsewhere in the file
// does not rename the site; an edit of the line itself does, which is the point: a mutant judged
// equivalent on one text must be judged again on another. Two sites with the same name in one
// function get "#2", "#3" in source order.

import { applyMutation, type Mutation } from './operators.ts';

export interface SiteName {
  readonly file: string;
  readonly scope: string;
  readonly before: string;
  readonly after: string;
}

export interface NamedMutation extends Mutation {
  readonly site: SiteName;
  /** The site's name as one line: `file · scope · before ⇒ after`. */
  readonly key: string;
}

/** Spaces collapsed and `// comments` dropped from each line. */
function tidy(lines: string): string {
  return lines
    .split('\n')
    .map((line) => line.replace(/\s+\/\/ .*$/, '').replace(/^\s*\/\/ .*$/, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function lineSpan(source: string, start: number, end: number): { from: number; to: number } {
  const from = source.lastIndexOf('\n', start - 1) + 1;
  const newline = source.indexOf('\n', end);
  return { from, to: newline < 0 ? source.length : newline };
}

export function siteOf(source: string, mutation: Mutation): SiteName {
  const { from, to } = lineSpan(source, mutation.start, mutation.end);
  const mutated = applyMutation(source, mutation);
  const delta = mutation.replacement.length - (mutation.end - mutation.start);
  return { file: mutation.file, scope: mutation.scope, before: tidy(source.slice(from, to)), after: tidy(mutated.slice(from, to + delta)) };
}

export function siteKey(site: SiteName): string {
  return `${site.file} · ${site.scope} · ${site.before} ⇒ ${site.after}`;
}

/** Names every mutation of one file's source, numbering repeats within a function. */
export function nameMutations(source: string, mutations: readonly Mutation[]): NamedMutation[] {
  const seen = new Map<string, number>();
  return mutations.map((mutation) => {
    const site = siteOf(source, mutation);
    const base = siteKey(site);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const key = n === 1 ? base : `${base} #${n}`;
    return { ...mutation, site, key };
  });
}
