// Where two JSON values differ, leaf by leaf: `output.username: "soedegard" → "sodegard"`. Paths use the
// fixture matcher's syntax (core/fixtures json-path); a key present on one side only shows as absent.

export interface ValueChange {
  path: string;
  /** Compact JSON of the value before, or undefined when the path did not exist. */
  before?: string;
  after?: string;
}

/** Every leaf path whose JSON differs between `before` and `after`, in order of first appearance. */
export function valueChanges(before: unknown, after: unknown, root = ''): ValueChange[] {
  const left = leaves(before, root);
  const right = leaves(after, root);
  const paths = [...new Set([...left.keys(), ...right.keys()])];
  const changes: ValueChange[] = [];
  for (const path of paths) {
    const was = left.get(path);
    const now = right.get(path);
    if (was === now) continue;
    changes.push({
      path: path === '' ? '(value)' : path,
      ...(was === undefined ? {} : { before: was }),
      ...(now === undefined ? {} : { after: now }),
    });
  }
  return changes;
}

function leaves(value: unknown, path: string, into = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value) && value.length > 0) {
    for (const [index, item] of value.entries()) leaves(item, `${path}[${index}]`, into);
  } else if (isObject(value) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) leaves(child, joinKey(path, key), into);
  } else {
    into.set(path, JSON.stringify(value) ?? 'undefined');
  }
  return into;
}

function joinKey(path: string, key: string): string {
  const segment = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  if (path === '') return segment;
  return segment.startsWith('[') ? `${path}${segment}` : `${path}.${segment}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
