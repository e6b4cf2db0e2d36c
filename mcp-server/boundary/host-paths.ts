// No host path reaches a client: absolute paths of this machine in messages leaving the server (under
// the usual top-level folders, or those of the working, home and temp folders; also as file:// URLs
// and Windows drive paths) become `<path>`. URLs of other hosts are left alone.

import { homedir, tmpdir } from 'node:os';

const TOP_LEVEL = ['home', 'root', 'tmp', 'usr', 'var', 'opt', 'srv', 'mnt', 'etc', 'private', 'Users', 'proc', 'run', 'nix', 'snap'];
const BOUNDARY = String.raw`(^|[\s"'(=:,[])`;
const WINDOWS_PATH = /(^|[\s"'(=,[])([A-Za-z]:\\[^\s"'),\]]*)/g;

let pattern: RegExp | undefined;

export function redactHostPaths(text: string): string {
  pattern ??= absolutePathPattern();
  return text.replace(pattern, '$1<path>').replace(WINDOWS_PATH, '$1<path>');
}

function absolutePathPattern(): RegExp {
  const firstSegment = (path: string) => path.split('/').filter(Boolean)[0];
  const roots = new Set([...TOP_LEVEL, firstSegment(process.cwd()), firstSegment(homedir()), firstSegment(tmpdir())].filter((root): root is string => Boolean(root)));
  const names = [...roots].map((root) => root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(String.raw`${BOUNDARY}((?:file:\/\/)?\/(?:${names})(?:\/[^\s"'),\]]*)?)(?=$|[\s"'),\]])`, 'g');
}
