import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../core/build/package-root.ts';
import { createTs7FileSystem } from '../../core/build/ts7/file-system.ts';

const LIB_DIR = '/opt/typescript/lib';
const fileSystem = createTs7FileSystem({
  files: { '/joinery/tsconfig.json': '{}', '/joinery/fn.ts': 'export {};', '/joinery/types/vendor.d.ts': '' },
  libDir: LIB_DIR,
  allowedPackages: ['zod'],
  packagesDir: PACKAGE_ROOT,
});
const zodPackageJson = createRequire(import.meta.url).resolve('zod/package.json');

describe('the file system the compiler sees', () => {
  it('serves the virtual project from memory and accepts edits to its files only', () => {
    expect(fileSystem.readFile!('/joinery/fn.ts')).toBe('export {};');
    fileSystem.writeFile('/joinery/fn.ts', 'export default 1;');
    expect(fileSystem.readFile!('/joinery/fn.ts')).toBe('export default 1;');
    expect(() => fileSystem.writeFile('/joinery/other.ts', '')).toThrow(/not a file of the check project/);
    expect(fileSystem.getAccessibleEntries!('/joinery')).toEqual({ files: ['tsconfig.json', 'fn.ts'], directories: ['types', 'node_modules'] });
    expect(fileSystem.getAccessibleEntries!('/joinery/node_modules')).toEqual({ files: [], directories: ['zod'] });
    expect(fileSystem.directoryExists!('/')).toBe(true);
  });

  it('answers "missing" for every host path, so the compiler never falls back to the disk', () => {
    const hostFile = zodPackageJson; // exists on disk, outside the virtual project
    expect(fileSystem.readFile!(hostFile)).toBeNull();
    expect(fileSystem.fileExists!(hostFile)).toBe(false);
    expect(fileSystem.directoryExists!(dirname(hostFile))).toBe(false);
    expect(fileSystem.getAccessibleEntries!(dirname(hostFile))).toEqual({ files: [], directories: [] });
    expect(fileSystem.readFile!('/joinery/missing.ts')).toBeNull();
    expect(fileSystem.fileExists!('/joinery/node_modules/express/package.json')).toBe(false);
  });

  it('lets TypeScript read its own lib files, and nothing else in that install', () => {
    expect(fileSystem.readFile!(`${LIB_DIR}/lib.es2022.d.ts`)).toBeUndefined();
    expect(fileSystem.realpath!(`${LIB_DIR}/lib.es2022.d.ts`)).toBeUndefined();
    expect(fileSystem.readFile!(`${dirname(LIB_DIR)}/package.json`)).toBeNull();
  });

  it('reads allowed packages read-only from packagesDir, without climbing out of them', () => {
    expect(JSON.parse(fileSystem.readFile!('/joinery/node_modules/zod/package.json')!).name).toBe('zod');
    expect(fileSystem.directoryExists!('/joinery/node_modules/zod')).toBe(true);
    expect(fileSystem.getAccessibleEntries!('/joinery/node_modules/zod')?.files).toContain('package.json');
    expect(fileSystem.readFile!('/joinery/node_modules/zod/../../package.json')).toBeNull();
    expect(fileSystem.readFile!('/joinery/node_modules/zod/../zod-evil/x.d.ts')).toBeNull();
  });
});
