/**
 * Literal prefilter for regexes: the literals a regex cannot match without. They join the
 * scheme's shared Aho–Corasick automaton, and a regex runs only on turns where one of its
 * literals occurred, so hundreds of regex rules cost about one pass instead of hundreds.
 * Conservative by design: when unsure (groups, classes, case folding of Latin letters) a
 * branch yields nothing and the regex simply runs on every turn.
 */
const QUANT_OPTIONAL = /^(?:[?*]|\{0(?:,\d*)?\})/;
const QUANT_REQUIRED = /^(?:\+|\{[1-9]\d*(?:,\d*)?\})/;
const ESCAPED_LITERAL = /^[\\/.*+?^$()[\]{}|\-\u3000-\u9fff]/;

function splitTopLevel(pattern: string): string[] | null {
  const branches: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      branches.push(pattern.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0 || inClass) return null;
  branches.push(pattern.slice(start));
  return branches;
}

/** Skip a group or class starting at i; returns the index after it. */
function skipAtom(src: string, i: number): number {
  const open = src[i];
  const close = open === '(' ? ')' : ']';
  let depth = 0;
  for (let j = i; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === open && open === '(') depth++;
    else if (c === close) {
      if (open === '[' || --depth === 0) return j + 1;
    }
  }
  return src.length;
}

const PLAIN = /^[^\\^$.|?*+()[\]{}]+$/;

/** A group of plain alternatives "(工号|编号)" or a class of plain chars "[点时]": one must occur. */
function alternativesOf(atom: string): string[] | null {
  if (atom.startsWith('[')) {
    const body = atom.slice(1, -1);
    return body.length > 0 && !body.startsWith('^') && !/[\\\-\]]/.test(body) ? [...body] : null;
  }
  const body = atom.startsWith('(?:') ? atom.slice(3, -1) : atom.startsWith('(?') ? null : atom.slice(1, -1);
  if (body === null) return null;
  const options = body.split('|');
  return options.every((o) => PLAIN.test(o)) ? options : null;
}

/** The best factor of a branch: a set of literals one of which every match contains. */
function bestFactor(branch: string): string[] {
  let best: string[] = [];
  const score = (set: string[]) => (set.length === 0 ? 0 : Math.min(...set.map((x) => x.length)) * 10 - set.length);
  const consider = (set: string[]) => {
    if (score(set) > score(best)) best = set;
  };
  let run = '';
  const endRun = () => {
    if (run) consider([run]);
    run = '';
  };
  let i = 0;
  while (i < branch.length) {
    const c = branch[i] as string;
    let literal: string | null = null;
    let group: string[] | null = null;
    let next = i + 1;
    if (c === '\\') {
      const e = branch[i + 1] ?? '';
      literal = ESCAPED_LITERAL.test(e) ? e : null;
      next = i + 2;
    } else if (c === '(' || c === '[') {
      next = skipAtom(branch, i);
      group = alternativesOf(branch.slice(i, next));
    } else if (!'.^$|'.includes(c)) {
      literal = c;
    }
    const rest = branch.slice(next);
    const optional = QUANT_OPTIONAL.exec(rest);
    const required = QUANT_REQUIRED.exec(rest);
    if (literal === null || optional) {
      endRun();
      if (group && !optional) consider(group);
    } else {
      run += literal;
      if (required) endRun();
    }
    const quantifier = optional?.[0].length ?? required?.[0].length ?? 0;
    i = next + quantifier;
    if (quantifier > 0 && branch[i] === '?') i++; // lazy quantifier
  }
  endRun();
  return best;
}

/** Literals of which every match contains one, or null when some branch has none (run always). */
export function requiredLiterals(pattern: string, flags = ''): string[] | null {
  const branches = splitTopLevel(pattern);
  if (!branches) return null;
  const literals: string[] = [];
  for (const branch of branches) {
    const factor = bestFactor(branch);
    if (factor.length === 0) return null;
    if (flags.includes('i') && factor.some((l) => /[a-zA-Z]/.test(l))) return null;
    literals.push(...factor);
  }
  return [...new Set(literals)];
}
