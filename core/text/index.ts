export { codePointLabel, findInvisibleCharacter, INVISIBLE_CHARACTERS, type InvisibleCharacter } from './invisible-characters.ts';
export { visibleJson, visibleText } from './visible-text.ts';
export { decodeUtf8, invalidUtf8Offset } from './utf8.ts';
