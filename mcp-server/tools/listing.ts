// What tools/list shows of each tool, built once. Every client reads the whole listing into its model's
// context, so the JSON Schemas are compacted (the listing stays under 15 KB, see the README):
// - no `$schema`, no safe-integer bounds, no `propertyNames` of records;
// - results are described by their top-level fields' names, descriptions and enums; no types and nothing
//   deeper (each result shows the rest; the flow tools fit only so);
// - function names show their pattern and length limit only where a name is chosen (the server's
//   instructions give both once);
// - no `required` in results: every field listed is always there unless the schema makes it optional,
//   and the error envelope (described in the server's instructions) must validate against them too.
// The server still checks every result against the full schema before it answers.

import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';
import { FUNCTION_NAME_PATTERN } from './schemas.ts';
import type { ToolDefinition } from './tool.ts';

type JsonSchema = Record<string, unknown>;

const SAFE_INTEGER_BOUNDS = new Set([Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER]);
const BIG_TEXT = 10_000;
/** The length limit of cursors and ids a client passes back unchanged. */
const ID_LENGTH = 200;


export function toolListing(tool: ToolDefinition): Tool {
  const input = compact(z.toJSONSchema(z.object(tool.input), { target: 'draft-7', io: 'input' })) as JsonSchema;
  const success = compact(z.toJSONSchema(z.object(tool.output), { target: 'draft-7', io: 'output' })) as JsonSchema;
  const properties = Object.fromEntries(Object.entries((success.properties ?? {}) as Record<string, JsonSchema>).map(([key, child]) => [key, resultField(child)]));
  // No `required` and no closed objects: the SDK client (1.32.2) validates structuredContent against the
  // output schema even on isError results (typescript-sdk#1943), and so the error envelope
  // { code, message, details? } (described once, in the server's instructions) validates too.
  const outputSchema = { type: 'object', properties };
  return { name: tool.name, title: tool.title, description: tool.description, inputSchema: input as Tool['inputSchema'], outputSchema: outputSchema as Tool['outputSchema'], annotations: listedHints(tool.annotations), ...(tool.meta ? { _meta: tool.meta } : {}) };
}

/** The hints that differ from the protocol's defaults (readOnly false, destructive true, idempotent false,
 *  openWorld true); a client reads a missing hint as its default, so nothing changes meaning. The
 *  destructive hint means nothing for a read-only tool and is left out there. */
function listedHints(hints: ToolDefinition['annotations']): ToolDefinition['annotations'] | Partial<ToolDefinition['annotations']> {
  return {
    ...(hints.readOnlyHint ? { readOnlyHint: true } : {}),
    ...(!hints.readOnlyHint && !hints.destructiveHint ? { destructiveHint: false } : {}),
    ...(hints.idempotentHint ? { idempotentHint: true } : {}),
    ...(!hints.openWorldHint ? { openWorldHint: false } : {}),
  };
}

/** Drops what says little a client needs: `$schema`, safe-integer bounds, record key types, `type`
 *  beside an `enum`, `minLength`/`minItems` of 1, the length limits of big texts (the instructions give
 *  them) and of ids, the function-name pattern except where a name is chosen (`declaresName`), patterns beside a
 *  `format`, open `additionalProperties` and `items: {}`; and
 *  `anyOf [X, null]` becomes X with type [t, "null"]. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compact);
  if (typeof value !== 'object' || value === null) return value;
  const schema = value as JsonSchema;
  const out: JsonSchema = {};
  for (const [key, child] of Object.entries(schema)) {
    if (key === '$schema' || key === 'propertyNames') continue;
    if ((key === 'minimum' || key === 'maximum') && SAFE_INTEGER_BOUNDS.has(child as number)) continue;
    if (key === 'type' && schema.enum !== undefined) continue;
    if ((key === 'minLength' || key === 'minItems') && child === 1) continue;
    if (key === 'maxLength' && ((child as number) >= BIG_TEXT || child === ID_LENGTH)) continue;
    if (key === 'pattern' && child === FUNCTION_NAME_PATTERN.source && schema.declaresName !== true) continue;
    if (key === 'maxLength' && schema.pattern === FUNCTION_NAME_PATTERN.source && schema.declaresName !== true) continue;
    if (key === 'declaresName') continue;
    if (key === 'pattern' && schema.format !== undefined) continue;
    const openChild = (key === 'additionalProperties' || (key === 'items' && schema.type === 'array')) && typeof child === 'object' && child !== null;
    if (openChild && Object.keys(child).length === 0) continue;
    out[key] = compact(child);
  }
  return mergeNullable(out);
}

function mergeNullable(schema: JsonSchema): JsonSchema {
  const branches = schema.anyOf;
  if (!Array.isArray(branches) || branches.length !== 2) return schema;
  const nullIndex = branches.findIndex((branch: JsonSchema) => branch.type === 'null' && Object.keys(branch).length === 1);
  const other = branches[1 - nullIndex] as JsonSchema | undefined;
  if (nullIndex < 0 || !other || typeof other.type !== 'string') return schema;
  const { anyOf: _anyOf, ...rest } = schema;
  return { ...rest, ...other, type: [other.type, 'null'] };
}

/** A top-level result field: its description and the values it may take (an enum, or a list of an enum).
 *  No type, nothing deeper, no `required`: the result itself shows them. */
function resultField(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  if (schema.enum !== undefined) out.enum = schema.enum;
  if (schema.description !== undefined) out.description = schema.description;
  const items = schema.items as JsonSchema | undefined;
  if (items?.enum !== undefined) out.items = { enum: items.enum };
  return out;
}
