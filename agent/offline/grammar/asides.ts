// What admins write around a rule that is not part of it: why it changed, who insisted, a smiley. Read
// as understood by every family; a name inside an aside ("the Oslo/Copenhagen offices keep breaking the
// old script") is accounted for by the aside, not silently by nothing.

export const ASIDES: RegExp[] = [
  /\b(?:infra|it|hr|security|legal|audit|compliance)\s+(?:changed|said|was (?:very )?clear)\b[^.;:!?]*/gi,
  /\bfrom now on\b|\bagain\b|:\)|;\)|\bthis used to live in a spreadsheet\b[^.;:]*/gi,
  /\bthe\s+[\w/ ]{1,60}\s+offices?\s+keep\s+breaking\s+the\s+old\s+script(?:\s+so)?\b/gi,
  /\b(?:explicitly|to be clear|for the record)\b/gi,
  // Which companies a rule is written for: the function is deployed for them, it does not test it.
  /\bfor the [A-Z]{2,6} compan(?:y|ies)\b/g,
  /\b[A-Z]\w+\s+sometimes\s+(?:hands?|gives?|sends?)\s+us\b[^;]*/g,
  /\bwhen (?:a new hire|someone|they|the joiner) (?:lost|loses|forgot|forgets) (?:theirs|it|their pass)\b/gi,
];

/** Spans of `text` that asides cover, as [start, end) offsets. */
export function asideSpans(text: string): Array<{ start: number; end: number }> {
  const spans = (pattern: RegExp) =>
    [...text.matchAll(new RegExp(pattern.source, pattern.flags))].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  return ASIDES.flatMap(spans);
}
