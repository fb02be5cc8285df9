/**
 * Immutable reads and writes of nested plain objects by key path, for editing
 * one field of a stage config without touching its siblings.
 */

export type FieldPath = readonly (string | number)[];

export type PlainObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is PlainObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Returns the value at `path`, or `undefined` when a step is missing or not a container. */
export function getIn(value: unknown, path: FieldPath): unknown {
  let current = value;

  for (const key of path) {
    if (Array.isArray(current) && typeof key === 'number') {
      current = current[key];
    } else if (isPlainObject(current)) {
      current = current[String(key)];
    } else {
      return undefined;
    }
  }

  return current;
}

/**
 * Returns a copy of `value` with `path` set to `next`; `undefined` removes the
 * key. Objects along the path are copied and missing ones created, so every
 * other branch keeps its identity.
 */
export function setIn(value: unknown, path: FieldPath, next: unknown): unknown {
  if (path.length === 0) {
    return next;
  }

  const [key, ...rest] = path;
  if (key === undefined) {
    return next;
  }

  if (Array.isArray(value) && typeof key === 'number') {
    const copy = [...value];
    copy[key] = setIn(value[key], rest, next);

    return copy;
  }

  const source = isPlainObject(value) ? value : {};
  const child = setIn(source[String(key)], rest, next);
  const copy: PlainObject = { ...source };

  if (child === undefined) {
    delete copy[String(key)];
  } else {
    copy[String(key)] = child;
  }

  return copy;
}

/** Joins a path for display and lookup, e.g. `send.source.account.id` or `stages[2]`. */
export function formatPath(path: FieldPath): string {
  let text = '';

  for (const key of path) {
    if (typeof key === 'number') {
      text += `[${key}]`;
    } else {
      text += text === '' ? key : `.${key}`;
    }
  }

  return text;
}
