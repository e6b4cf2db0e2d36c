// How the offline author understands one rule family: rules that read parameters out of clauses, the
// family's vocabulary, and the fixtures and spec it derives from the parameters.

import type { FixtureTest } from '../../core/fixtures/index.ts';
import type { FunctionSpec } from '../loop/spec.ts';

/** The parameters of a family or kind whose type is not known here: what the analyser reads through. */
export type Params = Record<string, unknown>;

/**
 * The reading of one requirement by a family or kind whose parameters are `P` (its IR or its template's
 * Params). Without `P`, code that looks only at the examples, problems or what was stated.
 */
export interface Recognition<P extends object = object> {
  params: P;
  /** What the requirement left open and what was assumed, shown in the spec. */
  assumptions: string[];
  /** Things understood but impossible to honour; the author gives up naming them. */
  problems: string[];
  /** Input → expected output pairs the admin wrote ("John Smith → jsmith"). */
  examples: Array<{ input: string; output: string }>;
  /** Parameters the requirement stated; the rest keep the template's defaults. */
  stated: Set<string>;
  /** Parameters stated by an earlier message of a conversation, which the current message may restate. */
  revising?: Set<string>;
}

/**
 * Sets a parameter the requirement stated; the first statement wins over later, vaguer ones, except
 * that a follow-up message ("make it 15 characters max instead") restates what an earlier one said.
 */
export function state<P extends object, K extends keyof P & string>(
  recognition: Recognition<P>,
  name: K,
  value: NoInfer<P[K]>,
  { override = false } = {},
): void {
  const revised = recognition.revising?.delete(name) ?? false;
  if (recognition.stated.has(name) && !override && !revised) return;
  recognition.params[name] = value;
  recognition.stated.add(name);
}

/**
 * A rule reads into parameters of type `P`. A rule that reads nothing into them (words, examples,
 * problems) is a plain `Rule` (`Rule<object>`) and fits every family; one that writes a shared field
 * (`maxLength`) names only that field, so every family whose parameters have it can list it.
 */
export interface Rule<P extends object = object> {
  /** Matched case-insensitively against each clause; every match is applied. */
  pattern: RegExp;
  apply?(match: RegExpExecArray, recognition: Recognition<P>): void;
}

/** A family or rule kind whose parameters are `P`: `defaults`, `rules`, `finish`, `fixtures`, `spec` and `generate` all see them typed. */
export interface FamilyRecognizer<P extends object> {
  family: string;
  /**
   * A general kind with no keywords of its own: the analyser reads the text with it when the family the
   * keywords chose leaves a clause, a token or a problem, and takes its reading only if it has none.
   */
  fallback?: boolean;
  /** A general kind: whether the text has its shape (an HTTP step), so that its problems are worth showing. */
  recognised?(recognition: Recognition<P>): boolean;
  /** Phrases that make this family likely; the best total wins. */
  keywords: RegExp[];
  rules: Rule<P>[];
  /** Words understood in this family's clauses even when no rule extracted a parameter from them. */
  vocabulary: RegExp[];
  /**
   * What the family's template always does, so that the text may say it without a setting: the TAP
   * template delivers through Slack, so "slack" is a fact and "emailed" is not. Tested against a salient
   * token and the words around it.
   */
  facts?: RegExp[];
  /** Derives, checks and completes parameters once every clause was read. */
  finish?(recognition: Recognition<P>): void;
  fixtures(recognition: Recognition<P>): FixtureTest[];
  /** Parameters before the requirement says anything, when they are not the template's. */
  defaults?: P;
  /** The function's source generated from the reading, for a rule kind that writes code from its IR. */
  generate?(recognition: Recognition<P>): string;
  spec(recognition: Recognition<P>): Omit<FunctionSpec, 'name' | 'egress' | 'secrets' | 'trigger'> & Partial<Pick<FunctionSpec, 'trigger'>>;
}

/**
 * The working fields a family reads next to its rule's defaults (a template's parameters beside the
 * http-action or identifier rule they become): each field the params hold, else its default.
 */
export function readingFields<R extends object>(params: Partial<R>, defaults: R): R {
  const fields = { ...defaults };
  for (const key of Object.keys(defaults) as Array<keyof R>) if (key in params) fields[key] = params[key] as R[keyof R];
  return fields;
}

/**
 * Any family or kind, whatever its parameters: the one place their types are set aside. The analyser
 * (`analyse-requirement.ts`) reads with it over the template's or the family's defaults as plain
 * `Params`, and hands a recognizer only the recognition made from that recognizer's own `defaults` (or
 * its template's parameter block, which its `P` describes), so each family sees its own `P`.
 */
// biome-ignore lint/suspicious/noExplicitAny: the existential seam above; every family is typed over its own P.
export type AnyFamilyRecognizer = FamilyRecognizer<any>;

export function matchAll(pattern: RegExp, text: string): RegExpExecArray[] {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  return [...text.matchAll(global)] as RegExpExecArray[];
}
