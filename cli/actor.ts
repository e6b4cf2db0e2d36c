// Who is acting on the command line. The actor is JOINERY_USER when set, else the OS user. `--as <name>`
// naming that same person (compared the four-eyes way) changes nothing; naming someone else is refused
// unless <JOINERY_HOME>/config.json sets "localTrust": true (a shared admin box, a demo), and then every
// version, review and activation records that the name came from --as under local trust.

import { userInfo } from 'node:os';
import { JoineryError } from '../core/errors.ts';
import { requireActorName, sameActor, type ActorSource } from '../core/registry/index.ts';

export interface Actor {
  name: string;
  source: ActorSource;
}

export interface ActorSources {
  env: NodeJS.ProcessEnv;
  localTrust: () => boolean;
  /** The OS account's name; os.userInfo() unless a test pins it. */
  osUser?: () => string;
}

export function resolveActor(asFlag: unknown, { env, localTrust, osUser = () => userInfo().username }: ActorSources): Actor {
  const own = ownIdentity(env, osUser);
  if (asFlag === undefined) return own;
  const named = requireActorName(typeof asFlag === 'string' ? asFlag.trim() : asFlag, '--as');
  if (sameActor(named, own.name)) return own;
  if (localTrust()) return { name: named, source: 'as-flag-local-trust' };
  const via = own.source === 'env' ? 'JOINERY_USER' : 'the OS user';
  throw new JoineryError(
    'FORBIDDEN',
    `--as "${named}" is not you: this command acts as "${own.name}" (${via}). Acting as someone else needs ` +
      '"localTrust": true in config.json under JOINERY_HOME, and is then recorded as such',
  );
}

function ownIdentity(env: NodeJS.ProcessEnv, osUser: () => string): Actor {
  const fromEnv = env.JOINERY_USER?.trim();
  if (fromEnv) return { name: requireActorName(fromEnv, 'JOINERY_USER'), source: 'env' };
  return { name: requireActorName(osUser(), 'the OS user name'), source: 'os-user' };
}
