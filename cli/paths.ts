import { fileURLToPath } from 'node:url';

/** The templates shipped with Joinery (not the caller's working directory). */
export function templatesDir(): string {
  return fileURLToPath(new URL('../templates', import.meta.url));
}
