// Guest side, runs first in every isolate: captures the built-ins the bridge relies on before any guest code
// can replace them (guests may overwrite JSON.parse, Object.freeze, Reflect.apply, ...).
(function captureIntrinsics() {
  'use strict';
  const stringSlice = String.prototype.slice;
  const stringCharCodeAt = String.prototype.charCodeAt;
  const typedArrayTag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
  const apply = Reflect.apply;
  const { has: setHas, add: setAdd } = Set.prototype;
  return Object.freeze({
    apply,
    freeze: Object.freeze,
    defineProperty: Object.defineProperty,
    keys: Object.keys,
    isArray: Array.isArray,
    parse: JSON.parse,
    stringify: JSON.stringify,
    String,
    Error,
    TypeError,
    RangeError,
    Set,
    WeakMap,
    Uint8Array,
    ArrayBuffer,
    isView: ArrayBuffer.isView,
    iterator: Symbol.iterator,
    toStringTag: Symbol.toStringTag,
    slice: (text, start, end) => apply(stringSlice, text, [start, end]),
    charCodeAt: (text, index) => apply(stringCharCodeAt, text, [index]),
    setHas: (set, value) => apply(setHas, set, [value]),
    setAdd: (set, value) => apply(setAdd, set, [value]),
    /** The TypedArray kind ("Uint8Array", ...) of a real typed array, else undefined. */
    typedArrayKind: (value) => apply(typedArrayTag, value, []),
  });
})
