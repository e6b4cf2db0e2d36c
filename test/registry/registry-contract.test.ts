import { createSqliteRegistry } from '../../core/registry/index.ts';
import { openDatabase } from '../../core/store/index.ts';
import { describeRegistry } from './describe-registry.ts';

describeRegistry('sqlite', () => createSqliteRegistry(openDatabase(':memory:')));
