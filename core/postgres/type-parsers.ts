// How column values come back. Times are stored as BIGINT milliseconds (as in the SQLite schema), and
// `count(*)` is BIGINT too; the driver returns BIGINT as a string by default, to be safe past 2^53. Joinery's
// values stay far below that (milliseconds until the year 285,000), so they are parsed as numbers, and the
// row mapping code is the same for both stores.

import type { CustomTypesConfig } from 'pg';

const INT8_OID = 20;
const NUMERIC_OID = 1700;

export function joineryTypeParsers(builtin: CustomTypesConfig): CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
      return builtin.getTypeParser(oid, format);
    }) as CustomTypesConfig['getTypeParser'],
  };
}
