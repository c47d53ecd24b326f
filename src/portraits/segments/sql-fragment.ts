/**
 * A tagged template for SQL built from parts: every interpolated value becomes a numbered
 * parameter, never text in the statement. Only another fragment is inlined, so user input
 * can reach the statement as a value and in no other way.
 *
 *   const where = sql`p.tags @> ${codes}::text[] AND o.path LIKE ${pattern}`;
 *   const { text, params } = compileSql(sql`SELECT count(*) FROM t WHERE ${where}`);
 */
export class SqlFragment {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlFragment {
  return new SqlFragment([...strings], values);
}

/** Fragments joined by a separator (' AND ', ', '); an empty list gives `empty`. */
export function joinSql(parts: readonly SqlFragment[], separator: string, empty = 'TRUE'): SqlFragment {
  if (parts.length === 0) return new SqlFragment([empty], []);
  const strings: string[] = [''];
  const values: SqlFragment[] = [];
  parts.forEach((part, index) => {
    if (index > 0) strings.push(separator);
    values.push(part);
  });
  strings.push('');
  // ['', sep, …, sep, ''] around the parts: one string more than values, as a template has.
  return new SqlFragment(strings, values);
}

/** The statement text with $1…$n and the parameters in order. */
export function compileSql(fragment: SqlFragment): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const text = render(fragment, params);
  return { text, params };
}

function render(fragment: SqlFragment, params: unknown[]): string {
  let text = fragment.strings[0] ?? '';
  fragment.values.forEach((value, index) => {
    if (value instanceof SqlFragment) text += render(value, params);
    else {
      params.push(value);
      text += `$${params.length}`;
    }
    text += fragment.strings[index + 1] ?? '';
  });
  return text;
}
