// Guest side: the web globals contract.md promises, besides URL (url.js) and console (bridge.js). Exact
// semantics come from Node's own implementations behind the synchronous `callWeb` host callback; only
// copies of plain data cross the boundary. Lengths the host relies on are read with the intrinsic getters
// (a guest can shadow `length` on its own array), and inputs over the caps are refused before they are
// copied out; the host (web-natives.ts) checks both again.
(function installWebGlobals(intrinsics, callWeb, web, caps) {
  'use strict';
  const { defineProperty, freeze, String, TypeError, RangeError, Error, Uint8Array, ArrayBuffer, isView, typedArrayKind, typedArrayLength, typedArrayByteLength, typedArrayByteOffset, typedArrayBuffer } = intrinsics;
  const define = (name, value) => defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
  const namedError = (name, message) => { const error = new Error(message); error.name = name; return error; };
  const { maxWebInputChars, maxWebInputBytes } = caps;
  const checkedText = (label, input) => {
    const text = String(input);
    if (text.length > maxWebInputChars) throw new RangeError(`${label}: the input is ${text.length} characters, over the sandbox limit of ${maxWebInputChars}`);
    return text;
  };

  const bytesOf = (input) => {
    if (input instanceof ArrayBuffer) return new Uint8Array(input);
    if (isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    throw new TypeError('The "input" argument must be an ArrayBuffer or an ArrayBufferView');
  };

  class TextEncoder {
    get encoding() { return 'utf-8'; }
    encode(input = '') { return callWeb('text-encode', checkedText('TextEncoder.encode', input)); }
    encodeInto(source, destination) {
      if (typedArrayKind(destination) !== 'Uint8Array') throw new TypeError('The "destination" argument must be a Uint8Array');
      const text = checkedText('TextEncoder.encodeInto', source);
      const { read, written, bytes } = callWeb('text-encode-into', text, typedArrayLength(destination));
      destination.set(bytes);
      return { read, written };
    }
  }

  // The length of `bytes` without a multi-byte sequence cut off at its end (held back when streaming).
  const completeLength = (bytes) => {
    for (let index = bytes.length - 1; index >= 0 && index >= bytes.length - 4; index--) {
      const byte = bytes[index];
      if ((byte & 0xc0) === 0x80) continue;
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      return bytes.length - index < needed ? index : bytes.length;
    }
    return bytes.length;
  };

  const UTF8_LABELS = ['utf-8', 'utf8', 'unicode-1-1-utf-8'];
  class TextDecoder {
    #fatal; #ignoreBOM; #pending = new Uint8Array(0); #started = false;
    constructor(label = 'utf-8', options = undefined) {
      if (!UTF8_LABELS.includes(String(label).trim().toLowerCase())) throw new RangeError(`The "${label}" encoding is not supported in the sandbox`);
      this.#fatal = Boolean(options?.fatal);
      this.#ignoreBOM = Boolean(options?.ignoreBOM);
    }
    get encoding() { return 'utf-8'; }
    get fatal() { return this.#fatal; }
    get ignoreBOM() { return this.#ignoreBOM; }
    decode(input = undefined, options = undefined) {
      const view = input === undefined ? new Uint8Array(0) : bytesOf(input);
      if (this.#pending.length + view.length > maxWebInputBytes) {
        throw new RangeError(`TextDecoder.decode: the input is ${this.#pending.length + view.length} bytes, over the sandbox limit of ${maxWebInputBytes}`);
      }
      const bytes = new Uint8Array(this.#pending.length + view.length); // an exact copy: never the whole buffer behind a view
      bytes.set(this.#pending);
      bytes.set(view, this.#pending.length);
      const stream = Boolean(options?.stream);
      const end = stream ? completeLength(bytes) : bytes.length;
      this.#pending = bytes.slice(end);
      try {
        return callWeb('text-decode', bytes.subarray(0, end), this.#fatal, this.#ignoreBOM || this.#started);
      } finally {
        this.#started = stream;
        if (!stream) this.#pending = new Uint8Array(0);
      }
    }
  }

  const btoa = function btoa(data) {
    if (arguments.length === 0) throw new TypeError('btoa requires 1 argument');
    return callWeb('btoa', checkedText('btoa', data));
  };
  const atob = function atob(data) {
    if (arguments.length === 0) throw new TypeError('atob requires 1 argument');
    return callWeb('atob', checkedText('atob', data));
  };

  const structuredClone = function structuredClone(value) {
    if (arguments.length === 0) throw new TypeError('structuredClone requires 1 argument');
    let reply;
    try { reply = web('clone', value); } catch (error) { throw namedError('DataCloneError', String(error?.message ?? error)); }
    return reply.value;
  };

  const INTEGER_ARRAYS = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'BigInt64Array', 'BigUint64Array'];
  const crypto = freeze({
    randomUUID: function randomUUID() { return callWeb('random-uuid'); },
    getRandomValues: function getRandomValues(array) {
      if (!INTEGER_ARRAYS.includes(typedArrayKind(array))) throw namedError('TypeMismatchError', 'getRandomValues expects an integer typed array');
      const byteLength = typedArrayByteLength(array);
      if (byteLength > 65536) throw namedError('QuotaExceededError', `getRandomValues accepts at most 65536 bytes, got ${byteLength}`);
      new Uint8Array(typedArrayBuffer(array), typedArrayByteOffset(array), byteLength).set(callWeb('random-bytes', byteLength));
      return array;
    },
  });

  define('TextEncoder', TextEncoder);
  define('TextDecoder', TextDecoder);
  define('btoa', btoa);
  define('atob', atob);
  define('structuredClone', structuredClone);
  define('crypto', crypto);
})
