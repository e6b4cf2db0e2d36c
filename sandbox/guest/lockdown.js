// Guest side, runs before any guest code: removes what lets an isolate hold memory outside the V8 heap,
// where isolated-vm's memory limit does not look. WebAssembly memory and resizable or growable buffers
// are reserved and committed beside the limited ArrayBuffer allocator; nothing in the contract needs them.
// The watchdog's process memory guard (watchdog.ts) stays the backstop for anything not listed here.
(function lockDown(intrinsics) {
  'use strict';
  const { construct, defineProperty, getOwnPropertyDescriptor, RangeError, TypeError } = intrinsics;
  delete globalThis.WebAssembly; // the namespace is the only way to its constructors
  delete globalThis.SharedArrayBuffer; // only WebAssembly or this constructor ever make one

  // ArrayBuffer without `maxByteLength`: the options are never handed on, so a getter that answers
  // differently on a second read gains nothing. The real constructor stays reachable from nowhere: its
  // prototype (shared, so instanceof and subclasses work) now names this one as its constructor.
  const NativeArrayBuffer = ArrayBuffer;
  const prototype = NativeArrayBuffer.prototype;
  const SandboxArrayBuffer = function ArrayBuffer(length) {
    if (new.target === undefined) throw new TypeError("Constructor ArrayBuffer requires 'new'");
    const options = arguments.length > 1 ? arguments[1] : undefined;
    if ((typeof options === 'object' || typeof options === 'function') && options !== null && options.maxByteLength !== undefined) {
      throw new RangeError('resizable ArrayBuffers are not available in the sandbox');
    }
    return construct(NativeArrayBuffer, [length], new.target);
  };
  defineProperty(SandboxArrayBuffer, 'prototype', { value: prototype, writable: false, enumerable: false, configurable: false });
  defineProperty(SandboxArrayBuffer, 'isView', getOwnPropertyDescriptor(NativeArrayBuffer, 'isView'));
  defineProperty(SandboxArrayBuffer, intrinsics.species, getOwnPropertyDescriptor(NativeArrayBuffer, intrinsics.species));
  defineProperty(prototype, 'constructor', { value: SandboxArrayBuffer, writable: true, enumerable: false, configurable: true });
  defineProperty(globalThis, 'ArrayBuffer', { value: SandboxArrayBuffer, writable: true, enumerable: false, configurable: true });
})
