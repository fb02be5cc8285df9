/**
 * Workflow variable interpolation: `${name}` placeholders inside string values
 * of a stage config, at any depth. Map keys are never interpolated. An unknown
 * name becomes the empty string, so the field then takes its default, if any.
 */

/** Variables of a run: name → value. */
export type Variables = Readonly<Record<string, string>>;

const placeholderPattern = /\$\{([^}]+)\}/g;

/** Returns true when `text` contains at least one `${name}` placeholder. */
export function hasPlaceholder(text: string): boolean {
  return new RegExp(placeholderPattern.source).test(text);
}

/** Replaces every `${name}` in `text` with its variable, or with `''` when the variable is unknown. */
export function interpolateString(text: string, variables: Variables): string {
  return text.replace(placeholderPattern, (_match, name: string) =>
    Object.hasOwn(variables, name) ? (variables[name] ?? '') : '',
  );
}

/** Returns a copy of `value` with placeholders replaced in every string value, at any depth. */
export function interpolate(value: unknown, variables: Variables): unknown {
  if (typeof value === 'string') return interpolateString(value, variables);
  if (Array.isArray(value)) return value.map((item) => interpolate(item, variables));
  if (value !== null && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      result[key] = interpolate(item, variables);
    }

    return result;
  }

  return value;
}

/** Lists the variable names used by placeholders in `value` (any depth), in order of first use. */
export function listVariables(value: unknown): string[] {
  const names = new Set<string>();

  const visit = (item: unknown): void => {
    if (typeof item === 'string') {
      for (const match of item.matchAll(placeholderPattern)) {
        if (match[1] !== undefined) names.add(match[1]);
      }
    } else if (Array.isArray(item)) {
      item.forEach(visit);
    } else if (item !== null && typeof item === 'object') {
      Object.values(item).forEach(visit);
    }
  };
  visit(value);

  return [...names];
}

/**
 * Lists placeholder mistakes in `text` that the service would leave as literal
 * text: a `${` without a closing `}`, and an empty `${}`.
 */
export function findPlaceholderSyntaxErrors(text: string): string[] {
  const errors: string[] = [];
  let start = text.indexOf('${');

  while (start !== -1) {
    const end = text.indexOf('}', start + 2);
    if (end === -1) {
      errors.push(`"\${" at character ${start + 1} is not closed: write \${name}`);
      break;
    }
    if (end === start + 2) {
      errors.push(
        `empty placeholder "\${}" at character ${start + 1}: write a variable name between the braces`,
      );
    }
    start = text.indexOf('${', end + 1);
  }

  return errors;
}
