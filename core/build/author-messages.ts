// Messages authors (and the models writing for them) read when the build rejects a function. Each says
// what to do instead; the type-checker and the bundler word the same problem the same way.

export const AUTHOR_MESSAGES = {
  noDefaultExport: 'fn.ts has no default export: end it with `export default defineFunction({ ... })`.',
  notADefinition: 'The default export must be defineFunction({ ... }):',
  tripleSlash:
    'Triple-slash reference directives are not allowed: a function sees only ES2022, @joinery/sdk and the sandbox globals.',
  require: 'require() is not available in the sandbox: use a static `import` at the top of the file.',
  dynamicImport: 'Dynamic import() is not allowed: use a static `import` at the top of the file.',
  importMeta: 'import.meta is not available in the sandbox.',
} as const;
