import { JoineryError } from '../errors.ts';

/** `zod` and `zod/mini` → `zod`; `@scope/pkg/sub` → `@scope/pkg`. Undefined for `..`, empty or odd segments. */
export function packageName(specifier: string): string | undefined {
  const segments = specifier.split('/');
  const odd = (segment: string) => segment === '' || segment === '.' || segment === '..' || segment.includes('\\');
  if (segments.some(odd)) return undefined;
  const name = specifier.startsWith('@') ? segments.slice(0, 2).join('/') : segments[0];
  if (name === undefined || (specifier.startsWith('@') && segments.length < 2)) return undefined;
  return /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i.test(name) ? name : undefined;
}

/** Allowlists are configuration: a name that is not exactly a package name is a configuration error. */
export function assertPackageNames(names: string[]): void {
  const invalid = names.filter((name) => packageName(name) !== name);
  if (invalid.length > 0) throw new JoineryError('INVALID_INPUT', `allowedPackages holds invalid package names: ${invalid.join(', ')}`);
}
