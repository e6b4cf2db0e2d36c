import type { FamilyRecognizer } from '../recognizer.ts';
import { usernameRecognizer } from './username.ts';

/** Every family the offline author understands, in the order ties are broken. */
export const RECOGNIZERS: FamilyRecognizer[] = [usernameRecognizer];
