// Parent side of a guest ctx call: runs the HostCapabilities method the child asked for and answers with
// a value or a message. Host failures become messages (the child re-throws them as guest-safe errors).
import type { HostCapabilities } from '../core/execution/types.ts';
import type { ChildMessage, ParentMessage } from './executor-protocol.ts';
import { HOST_METHODS } from './executor-protocol.ts';
import { guestMessage } from './guest-message.ts';
import type { RequestGate } from './request-gate.ts';

type HostCall = Extract<ChildMessage, { type: 'host-call' }>;

/** `requests` is the job's gate: fetches pass it here too, whatever the child already counted. */
export async function answerHostCall(
  host: HostCapabilities | undefined,
  { callId, method, argument }: HostCall,
  requests: RequestGate | undefined,
): Promise<ParentMessage> {
  try {
    if (host === undefined || requests === undefined) throw new Error('no run is active');
    if (!HOST_METHODS.includes(method)) throw new Error(`unknown host method ${String(method)}`);
    // Normalised to plain JSON here: what the guest gets is JSON anyway, and a value IPC cannot clone
    // (a function inside, a BigInt, a cycle) must fail as this call's error, not inside send().
    const json = JSON.stringify(await callHost(host, method, argument, requests));
    return { type: 'host-reply', callId, ok: true, value: json === undefined ? null : JSON.parse(json) };
  } catch (error) {
    return { type: 'host-reply', callId, ok: false, message: guestMessage(error) };
  }
}

function callHost(host: HostCapabilities, method: HostCall['method'], argument: unknown, requests: RequestGate): Promise<unknown> {
  switch (method) {
    case 'isUsernameTaken':
      return host.isUsernameTaken(argument as string);
    case 'findUsers':
      return host.findUsers(argument as Parameters<HostCapabilities['findUsers']>[0]);
    case 'reserveUsername':
      return host.reserveUsername(argument as string);
    case 'reserveEmail':
      return host.reserveEmail(argument as string);
    case 'attempt':
      return host.attempt();
    case 'fetch':
      return requests.run((signal) => host.fetch(argument as Parameters<HostCapabilities['fetch']>[0], { signal }));
    case 'getSecret':
      return host.getSecret(argument as string);
  }
}
