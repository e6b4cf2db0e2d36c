// Every import edge one source file declares, read from a real parse (oxc-parser), so that code inside
// strings and comments (tests write function sources as strings) never counts, and every form does:
// static and type-only imports, `export … from`, side-effect imports, `import('…')`, `require('…')`,
// `import x = require('…')`, `import('…').Type`, `new URL('…', import.meta.url)` and
// `import.meta.resolve('…')`. A specifier that is not a literal string is an edge too, with no
// specifier, so the rules can refuse what they cannot check.

import { parseSync } from 'oxc-parser';

type ImportKind = 'static' | 'export-from' | 'dynamic' | 'require' | 'type-import' | 'url' | 'resolve';

export interface ImportEdge {
  /** The importing file, relative to the repository root, with `/` separators. */
  from: string;
  /** The literal specifier, or undefined when the code computes it. */
  specifier: string | undefined;
  kind: ImportKind;
  line: number;
}

export interface SourceFile {
  path: string;
  text: string;
}

type Node = { type?: unknown; start?: number; [key: string]: unknown };

export function importEdges(file: SourceFile): ImportEdge[] {
  const result = parseSync(file.path, file.text);
  if (result.errors.length > 0) {
    const message = result.errors.map((error) => error.message).join('; ');
    throw new Error(`${file.path} does not parse: ${message}`);
  }
  const edges: ImportEdge[] = [];
  const lineOf = (offset: number | undefined) => file.text.slice(0, offset ?? 0).split('\n').length;
  const add = (kind: ImportKind, node: Node, source: unknown) =>
    edges.push({ from: file.path, specifier: literalString(source), kind, line: lineOf(node.start) });
  walk(result.program as unknown as Node, (node) => {
    const kind = edgeKind(node);
    if (kind !== undefined) add(kind.kind, node, kind.source);
  });
  return edges;
}

function edgeKind(node: Node): { kind: ImportKind; source: unknown } | undefined {
  switch (node.type) {
    case 'ImportDeclaration':
      return { kind: 'static', source: node.source };
    case 'ExportNamedDeclaration':
    case 'ExportAllDeclaration':
      return node.source ? { kind: 'export-from', source: node.source } : undefined;
    case 'ImportExpression':
      return { kind: 'dynamic', source: node.source };
    case 'TSImportType':
      return { kind: 'type-import', source: node.source ?? (node.argument as Node | undefined)?.literal ?? node.argument };
    case 'TSExternalModuleReference':
      return { kind: 'require', source: node.expression };
    case 'CallExpression':
      return callEdge(node);
    case 'NewExpression':
      return urlEdge(node);
    default:
      return undefined;
  }
}

function callEdge(node: Node): { kind: ImportKind; source: unknown } | undefined {
  const callee = node.callee as Node;
  const [first] = node.arguments as Node[];
  if (callee.type === 'Identifier' && callee.name === 'require') return { kind: 'require', source: first };
  const isMetaResolve =
    callee.type === 'MemberExpression' &&
    (callee.object as Node).type === 'MetaProperty' &&
    (callee.property as Node).name === 'resolve';
  return isMetaResolve ? { kind: 'resolve', source: first } : undefined;
}

/** `new URL('./x.js', import.meta.url)`: a file found next to this one at run time. */
function urlEdge(node: Node): { kind: ImportKind; source: unknown } | undefined {
  const callee = node.callee as Node;
  const [first, base] = node.arguments as Node[];
  if (callee.type !== 'Identifier' || callee.name !== 'URL' || base === undefined) return undefined;
  const baseIsMetaUrl =
    base.type === 'MemberExpression' && (base.object as Node).type === 'MetaProperty' && (base.property as Node).name === 'url';
  return baseIsMetaUrl ? { kind: 'url', source: first } : undefined;
}

function literalString(node: unknown): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const candidate = node as Node;
  if (candidate.type === 'Literal' && typeof candidate.value === 'string') return candidate.value;
  const quasis = candidate.quasis as Node[] | undefined;
  const expressions = candidate.expressions as unknown[] | undefined;
  if (candidate.type === 'TemplateLiteral' && expressions?.length === 0 && quasis?.length === 1) {
    const cooked = (quasis[0]?.value as { cooked?: unknown } | undefined)?.cooked;
    return typeof cooked === 'string' ? cooked : undefined;
  }
  return undefined;
}

function walk(node: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const candidate = node as Node;
  if (typeof candidate.type === 'string') visit(candidate);
  for (const [key, value] of Object.entries(candidate)) {
    if (key !== 'parent' && typeof value === 'object') walk(value, visit);
  }
}
