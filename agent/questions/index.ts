// Clarifying questions: what the author asks instead of giving up, and how answers come back. Its own
// module (zod only), so the MCP server can declare author_function's output before it loads the author.

export { choiceFor, clarifyingQuestionSchema, splitAnswers, withClarifications, type ClarifyingQuestion } from './clarifying-question.ts';
