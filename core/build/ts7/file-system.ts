// What the native compiler may read. Its callbacks fall back to the real disk when they answer
// `undefined`, so every answer here is deliberate: virtual files from memory, allowed packages read-only
// from `packagesDir`, TypeScript's own lib files from its install, and nothing else on the host
// (a `/// <reference path="/etc/passwd" />` finds no file).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { FileSystem, FileSystemEntries } from 'typescript/unstable/fs';
import { PROJECT_ROOT } from '../check-project.ts';

export interface Ts7FileSystem extends FileSystem {
  writeFile(path: string, content: string): void;
}

export interface Ts7FileSystemOptions {
  files: Record<string, string>;
  /** TypeScript's lib directory (forward slashes), whose lib.*.d.ts the compiler reads itself. */
  libDir: string;
  allowedPackages: string[];
  packagesDir: string;
}

const NO_ENTRIES: FileSystemEntries = { files: [], directories: [] };

export function createTs7FileSystem({ files, libDir, allowedPackages, packagesDir }: Ts7FileSystemOptions): Ts7FileSystem {
  const content = new Map(Object.entries(files));
  const packageRoots = new Map(
    allowedPackages.map((name) => [`${PROJECT_ROOT}/node_modules/${name}`, resolve(packagesDir, 'node_modules', name)]),
  );
  const tree = buildTree({ files: [...content.keys()], directories: [...packageRoots.keys()] });
  const isLib = (path: string) => dirname(path) === libDir;

  /** The disk path behind a virtual path inside an allowed package, never outside that package. */
  const onDisk = (path: string): string | undefined => {
    for (const [virtualRoot, diskRoot] of packageRoots) {
      if (path !== virtualRoot && !path.startsWith(`${virtualRoot}/`)) continue;
      const diskPath = resolve(diskRoot, `.${path.slice(virtualRoot.length)}`);
      return diskPath === diskRoot || diskPath.startsWith(diskRoot + sep) ? diskPath : undefined;
    }
    return undefined;
  };

  return {
    readFile: (path) => {
      if (content.has(path)) return content.get(path);
      const diskPath = onDisk(path);
      if (diskPath !== undefined) return statOf(diskPath)?.isFile() ? readFileSync(diskPath, 'utf8') : null;
      return isLib(path) ? undefined : null;
    },
    fileExists: (path) => {
      if (content.has(path)) return true;
      const diskPath = onDisk(path);
      if (diskPath !== undefined) return statOf(diskPath)?.isFile() ?? false;
      return isLib(path) ? undefined : false;
    },
    directoryExists: (path) => {
      const diskPath = onDisk(path);
      if (diskPath !== undefined) return statOf(diskPath)?.isDirectory() ?? false;
      if (tree.has(path)) return true;
      return path === libDir ? undefined : false;
    },
    getAccessibleEntries: (path) => {
      const diskPath = onDisk(path);
      if (diskPath !== undefined) return diskEntries(diskPath);
      const virtual = tree.get(path);
      if (virtual !== undefined) return { files: [...virtual.files], directories: [...virtual.directories] };
      return path === libDir ? undefined : NO_ENTRIES;
    },
    realpath: (path) => (isLib(path) ? undefined : path),
    writeFile: (path, text) => {
      if (!content.has(path)) throw new Error(`not a file of the check project: ${path}`);
      content.set(path, text);
    },
  };
}

interface DirectoryNode {
  files: Set<string>;
  directories: Set<string>;
}

/** The virtual directories: every ancestor of the given files and directories, with its children. */
function buildTree({ files, directories }: { files: string[]; directories: string[] }): Map<string, DirectoryNode> {
  const tree = new Map<string, DirectoryNode>();
  const nodeOf = (directory: string) => {
    let node = tree.get(directory);
    if (node === undefined) tree.set(directory, (node = { files: new Set(), directories: new Set() }));
    return node;
  };
  const add = (path: string, kind: 'files' | 'directories') => {
    const segments = path.split('/').filter(Boolean);
    segments.forEach((segment, index) => {
      const isLast = index === segments.length - 1;
      nodeOf(`/${segments.slice(0, index).join('/')}`)[isLast ? kind : 'directories'].add(segment);
      if (!isLast || kind === 'directories') nodeOf(`/${segments.slice(0, index + 1).join('/')}`);
    });
  };
  for (const path of files) add(path, 'files');
  for (const path of directories) add(path, 'directories');
  return tree;
}

function diskEntries(directory: string): FileSystemEntries {
  if (!statOf(directory)?.isDirectory()) return NO_ENTRIES;
  const entries: FileSystemEntries = { files: [], directories: [] };
  for (const name of readdirSync(directory)) {
    const stat = statOf(join(directory, name));
    if (stat?.isFile()) entries.files.push(name);
    else if (stat?.isDirectory()) entries.directories.push(name);
  }
  return entries;
}

function statOf(path: string) {
  return statSync(path, { throwIfNoEntry: false });
}
