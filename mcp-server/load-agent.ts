// The Functions Author, loaded on first use: its offline author is half a megabyte of code, and an
// assistant waits for `initialize` on every start while most sessions never author.

export const loadAgent = () => import('../agent/index.ts');
