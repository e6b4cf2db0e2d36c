import type { AnyFamilyRecognizer } from '../recognizer.ts';
import { approvalsRecognizer } from './approvals/approvals.ts';
import { appsRecognizer } from './apps/apps.ts';
import { emailRecognizer } from './email/email.ts';
import { groupsRecognizer } from './groups/groups.ts';
import { hrisWritebackRecognizer } from './hris-writeback/hris-writeback.ts';
import { leaverRevokeRecognizer } from './leaver-revoke/leaver-revoke.ts';
import { moverGroupsRecognizer } from './mover-groups/mover-groups.ts';
import { tapRecognizer } from './tap/tap.ts';
import { ticketRecognizer } from './ticket/ticket.ts';
import { usernameRecognizer } from '../kinds/identifier/username-recognizer.ts';
import { notifyRecognizer } from '../kinds/notify/notify-recognizer.ts';
import { httpActionRecognizer } from '../kinds/http-action/http-action-recognizer.ts';

/** Every family the offline author understands, in the order ties are broken. */
export const RECOGNIZERS: AnyFamilyRecognizer[] = [
  usernameRecognizer,
  emailRecognizer,
  groupsRecognizer,
  appsRecognizer,
  approvalsRecognizer,
  tapRecognizer,
  hrisWritebackRecognizer,
  ticketRecognizer,
  moverGroupsRecognizer,
  leaverRevokeRecognizer,
  notifyRecognizer,
  // The general kind: read only when the family the keywords chose cannot account for every clause.
  httpActionRecognizer,
];
