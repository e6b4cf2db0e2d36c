// A family folder imports the shared grammar, the kinds and recognizer.ts, never another family,
// except the two documented in agent/offline/README.md (apps and mover-groups read with the groups grammar).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const FAMILIES = new URL('../../../agent/offline/families/', import.meta.url);
const ALLOWED = ['apps → groups', 'mover-groups → groups'];

function crossFamilyImports(): string[] {
  const found = new Set<string>();
  for (const family of readdirSync(FAMILIES, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for (const file of readdirSync(new URL(`${family.name}/`, FAMILIES))) {
      const text = readFileSync(new URL(`${family.name}/${file}`, FAMILIES), 'utf8');
      for (const match of text.matchAll(/from\s+'\.\.\/([a-z-]+)\//g)) found.add(`${family.name} → ${match[1]}`);
    }
  }
  return [...found].sort();
}

describe('family folders', () => {
  it('import no other family but the documented two', () => {
    expect(crossFamilyImports()).toEqual(ALLOWED);
  });
});
