export { codePointLabel, findInvisibleCharacter, INVISIBLE_CHARACTERS, type InvisibleCharacter } from './invisible-characters.ts';
export { visibleJson, visibleText } from './visible-text.ts';
