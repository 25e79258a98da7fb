/**
 * Keeping track of the section path while reading headings in order: numbered headings nest by their
 * outline number, markup headings by level, and a minor heading names the text until the next heading.
 */
import type { Heading } from './headings.js';

interface Entry {
  level: number;
  title: string;
  number?: string;
}

/** A stateful reader of headings; `enter` returns the path a heading opens. */
export function sectionTracker(): { enter(heading: Heading): string[]; current(): string[] } {
  let stack: Entry[] = [];
  let minor: string | undefined;
  const path = () => [...stack.map((entry) => entry.title), ...(minor ? [minor] : [])];
  return {
    enter(heading) {
      if (heading.minor) {
        minor = heading.title;
        return path();
      }
      minor = undefined;
      stack = stack.filter((entry) => entry.level < heading.level && isAncestor(entry, heading));
      stack.push({ level: heading.level, title: heading.title, ...(heading.number ? { number: heading.number } : {}) });
      return path();
    },
    current: path,
  };
}

/** A numbered entry only stays above a numbered heading whose number it prefixes ("3.3" above "3.3.4"). */
function isAncestor(entry: Entry, heading: Heading): boolean {
  if (!entry.number || !heading.number) return true;
  return heading.number.startsWith(`${entry.number}.`);
}
