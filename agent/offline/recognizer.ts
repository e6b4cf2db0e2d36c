// How the offline author understands one rule family: rules that read parameters out of clauses, the
// family's vocabulary, and the fixtures and spec it derives from the parameters.

import type { FixtureTest } from '../../core/fixtures/index.ts';
import type { FunctionSpec } from '../loop/spec.ts';

export type Params = Record<string, unknown>;

export interface Recognition {
  params: Params;
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
export function state(recognition: Recognition, name: string, value: unknown, { override = false } = {}): void {
  const revised = recognition.revising?.delete(name) ?? false;
  if (recognition.stated.has(name) && !override && !revised) return;
  recognition.params[name] = value;
  recognition.stated.add(name);
}

export interface Rule {
  /** Matched case-insensitively against each clause; every match is applied. */
  pattern: RegExp;
  apply?(match: RegExpExecArray, recognition: Recognition): void;
}

export interface FamilyRecognizer {
  family: string;
  /**
   * A general kind with no keywords of its own: the analyser reads the text with it when the family the
   * keywords chose leaves a clause, a token or a problem, and takes its reading only if it has none.
   */
  fallback?: boolean;
  /** A general kind: whether the text has its shape (an HTTP step), so that its problems are worth showing. */
  recognised?(recognition: Recognition): boolean;
  /** Phrases that make this family likely; the best total wins. */
  keywords: RegExp[];
  rules: Rule[];
  /** Words understood in this family's clauses even when no rule extracted a parameter from them. */
  vocabulary: RegExp[];
  /**
   * What the family's template always does, so that the text may say it without a setting: the TAP
   * template delivers through Slack, so "slack" is a fact and "emailed" is not. Tested against a salient
   * token and the words around it.
   */
  facts?: RegExp[];
  /** Derives, checks and completes parameters once every clause was read. */
  finish?(recognition: Recognition): void;
  fixtures(recognition: Recognition): FixtureTest[];
  /** Parameters before the requirement says anything, when they are not the template's. */
  defaults?: Params;
  /** The function's source generated from the reading, for a rule kind that writes code from its IR. */
  generate?(recognition: Recognition): string;
  spec(recognition: Recognition): Omit<FunctionSpec, 'name' | 'egress' | 'secrets' | 'trigger'> & Partial<Pick<FunctionSpec, 'trigger'>>;
}

export function matchAll(pattern: RegExp, text: string): RegExpExecArray[] {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  return [...text.matchAll(global)] as RegExpExecArray[];
}
