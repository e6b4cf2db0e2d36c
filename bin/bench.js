#!/usr/bin/env node
// Runs bench/index.ts through tsx. Started with --no-node-snapshot (see package.json) for isolated-vm.
import { register } from 'tsx/esm/api';

register();
await import('../bench/index.ts');
