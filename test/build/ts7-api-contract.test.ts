// The contract between core/build and typescript@7.0.2's unstable API. Every behaviour the TS 7 adapter
// relies on is pinned here against the raw API, so an upgrade that changes one fails a named test
// instead of producing wrong positions or silently reading the host's disk.

import { execFileSync, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SyntaxKind } from 'typescript/unstable/ast';
import { createVirtualFileSystem } from 'typescript/unstable/fs';
import { API, DiagnosticCategory } from 'typescript/unstable/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { createTypeChecker } from '../../core/build/index.ts';
import { createTs7TypeChecker } from '../../core/build/ts7/index.ts';

const require = createRequire(import.meta.url);
const TSCONFIG = JSON.stringify({
  compilerOptions: { strict: true, lib: ['es2022'], types: [], module: 'esnext', moduleResolution: 'bundler', noEmit: true },
  files: ['fn.ts'],
});

function openProject(source: string) {
  const fileSystem = createVirtualFileSystem({ '/w/tsconfig.json': TSCONFIG, '/w/fn.ts': source });
  const api = new API({ cwd: '/w', fs: fileSystem });
  let snapshot = api.updateSnapshot({ openProjects: ['/w/tsconfig.json'] });
  opened.push(api);
  return {
    api,
    program: () => snapshot.getProject('/w/tsconfig.json')!.program,
    edit(next: string) {
      fileSystem.writeFile!('/w/fn.ts', next);
      snapshot.dispose();
      snapshot = api.updateSnapshot({ fileChanges: { changed: ['/w/fn.ts'] } });
    },
  };
}
const opened: API[] = [];
afterAll(() => opened.forEach((api) => api.close()));

describe('typescript@7.0.2 unstable API, as core/build uses it', () => {
  it('is the pinned version', () => {
    expect(require('typescript/package.json').version).toBe('7.0.2');
  });

  it('reports diagnostics with a UTF-16 `pos`, a numeric category and a message chain', () => {
    const source = "const s = '😀 Zoë';\nconst n: number = s;\nconst o: { a: { b: string } } = null as unknown as { a: { b: number } };";
    const { program } = openProject(source);
    const diagnostics = program().getSemanticDiagnostics('/w/fn.ts');
    expect(diagnostics.map((diagnostic) => diagnostic.pos)).toEqual([source.indexOf('n: number'), source.indexOf('o: {')]);
    const [first, second] = diagnostics;
    expect(first).toMatchObject({ fileName: '/w/fn.ts', code: 2322, category: DiagnosticCategory.Error, text: "Type 'string' is not assignable to type 'number'." });
    expect(DiagnosticCategory.Error).toBe(1);
    expect(second?.messageChain?.[0]?.text).toEqual(expect.any(String));
    expect(program().getSyntacticDiagnostics('/w/fn.ts')).toEqual([]);
    expect(program().getConfigFileParsingDiagnostics()).toEqual([]);
    expect(program().getProgramDiagnostics()).toEqual([]);
    expect(program().getGlobalDiagnostics()).toEqual([]);
  });

  it('re-reads the virtual file after `fileChanges`', () => {
    const project = openProject('const a: string = 1;');
    expect(project.program().getSemanticDiagnostics('/w/fn.ts')).toHaveLength(1);
    project.edit("const a: string = '1';");
    expect(project.program().getSemanticDiagnostics('/w/fn.ts')).toEqual([]);
  });

  it('serves a stale syntax tree after an edit until clearSourceFileCache (worked around in the adapter)', () => {
    const project = openProject('export default 1;');
    expect(project.program().getSourceFile('/w/fn.ts')?.text).toBe('export default 1;');
    project.edit('export default 2;');
    // When this starts failing, the client cache is fixed and syntaxTreeOf's workaround may go.
    expect(project.program().getSourceFile('/w/fn.ts')?.text).toBe('export default 1;');
    project.api.clearSourceFileCache();
    expect(project.program().getSourceFile('/w/fn.ts')?.text).toBe('export default 2;');
  });

  it('gives statements with kinds, modifiers, getStart past comments, and triple-slash directives', () => {
    const source = '/// <reference lib="dom" />\nconst unused = 1;\n/** doc */ export default { a: 1 };\nexport default function f() {}';
    const file = openProject(source).program().getSourceFile('/w/fn.ts')!;
    const [, assignment, declaration] = file.statements;
    expect(assignment?.kind).toBe(SyntaxKind.ExportAssignment);
    expect((assignment as unknown as { isExportEquals: boolean }).isExportEquals).toBe(false);
    expect(assignment?.getStart(file)).toBe(source.indexOf('export default {'));
    const modifiers = (declaration as unknown as { modifiers: { kind: SyntaxKind }[] }).modifiers.map((modifier) => modifier.kind);
    expect(modifiers).toEqual([SyntaxKind.ExportKeyword, SyntaxKind.DefaultKeyword]);
    expect(file.libReferenceDirectives.map((reference) => reference.fileName)).toEqual(['dom']);
    expect(file.referencedFiles).toEqual([]);
    expect(file.typeReferenceDirectives).toEqual([]);
  });

  it('reads lib files from the platform package when the file system answers undefined', () => {
    const names = openProject('export {};').program().getSourceFileNames();
    const platform = `@typescript/typescript-${process.platform}-${process.arch}/package.json`;
    const libDir = join(dirname(createRequire(require.resolve('typescript/package.json')).resolve(platform)), 'lib');
    expect(names).toContain(join(libDir, 'lib.es2022.d.ts').replaceAll('\\', '/'));
    expect(names).toContain('/w/fn.ts');
  });

  it('treats a null readFile as a missing file', () => {
    const fileSystem = { ...createVirtualFileSystem({ '/w/tsconfig.json': TSCONFIG, '/w/fn.ts': "import x from './gone';\nexport default x;" }) };
    const readFile = fileSystem.readFile!;
    fileSystem.readFile = (path) => (path.startsWith('/w/gone') ? null : readFile(path));
    const api = new API({ cwd: '/w', fs: fileSystem });
    opened.push(api);
    const program = api.updateSnapshot({ openProjects: ['/w/tsconfig.json'] }).getProject('/w/tsconfig.json')!.program;
    expect(program.getSemanticDiagnostics('/w/fn.ts').map((diagnostic) => diagnostic.code)).toEqual([2307]);
  });

  it("keeps tsgo's process at api.client.channel.child, where the time limit finds its pid", () => {
    const { api } = openProject('export {};');
    const child = (api as unknown as { client: { channel: { child: ChildProcess } } }).client.channel.child;
    expect(child).toBeInstanceOf(EventEmitter);
    expect(child.pid).toEqual(expect.any(Number));
    expect(child.exitCode).toBeNull();
    const checker = createTs7TypeChecker();
    try {
      expect(checker.processId).toEqual(expect.any(Number));
    } finally {
      checker.close();
    }
  });

  it('throws on requests after close()', () => {
    const project = openProject('export {};');
    project.api.close();
    expect(() => project.edit('export default 1;')).toThrow();
  });
});

describe('positions agree with the tsc command line', () => {
  const directory = mkdtempSync(join(tmpdir(), 'joinery-tsc-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('on CRLF, tabs, emoji, combining marks and U+2028 inside a string', async () => {
    const source = [
      "const tab =\t'x';\r",
      "const family = '👩‍👩‍👧 Zoë e\u0301'; const a: number = family;\r",
      "const separated = 'a\u2028b'; const b: number = separated;",
      "\tconst c: boolean = 'x';",
      'export {};',
      '',
    ].join('\n');
    writeFileSync(join(directory, 'tsconfig.json'), TSCONFIG);
    writeFileSync(join(directory, 'fn.ts'), source);
    const tsc = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
    let output = '';
    try {
      output = execFileSync(process.execPath, [tsc, '-p', directory, '--pretty', 'false'], { encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout);
    }
    const fromTsc = [...output.matchAll(/fn\.ts\((\d+),(\d+)\): error TS(\d+)/g)].map(([, line, column, code]) => `${line}:${column} ${code}`);
    const checker = createTypeChecker();
    try {
      const ours = (await checker.check(source)).diagnostics.filter((diagnostic) => diagnostic.code === 2322);
      expect(fromTsc).toHaveLength(3);
      expect(ours.map((diagnostic) => `${diagnostic.line}:${diagnostic.column} ${diagnostic.code}`)).toEqual(fromTsc);
    } finally {
      await checker.close();
    }
  });
});
