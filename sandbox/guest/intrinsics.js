// Guest side, runs first in every isolate: captures the built-ins the bridge relies on before any guest code
// can replace them (guests may overwrite JSON.parse, Object.freeze, Reflect.apply, ...).
(function captureIntrinsics() {
  'use strict';
  const stringSlice = String.prototype.slice;
  const stringCharCodeAt = String.prototype.charCodeAt;
  const typedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
  const typedArrayGetter = (name) => Object.getOwnPropertyDescriptor(typedArrayPrototype, name).get;
  const typedArrayTag = typedArrayGetter(Symbol.toStringTag);
  const typedArrayLength = typedArrayGetter('length');
  const typedArrayByteLength = typedArrayGetter('byteLength');
  const typedArrayByteOffset = typedArrayGetter('byteOffset');
  const typedArrayBuffer = typedArrayGetter('buffer');
  const apply = Reflect.apply;
  const { has: setHas, add: setAdd } = Set.prototype;
  return Object.freeze({
    apply,
    construct: Reflect.construct,
    getOwnPropertyDescriptor: Object.getOwnPropertyDescriptor,
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
    species: Symbol.species,
    toStringTag: Symbol.toStringTag,
    slice: (text, start, end) => apply(stringSlice, text, [start, end]),
    charCodeAt: (text, index) => apply(stringCharCodeAt, text, [index]),
    setHas: (set, value) => apply(setHas, set, [value]),
    setAdd: (set, value) => apply(setAdd, set, [value]),
    /** The TypedArray kind ("Uint8Array", ...) of a real typed array, else undefined. */
    typedArrayKind: (value) => apply(typedArrayTag, value, []),
    /** The real element count and byte length of a typed array (own properties a guest defined are ignored). */
    typedArrayLength: (value) => apply(typedArrayLength, value, []),
    typedArrayByteLength: (value) => apply(typedArrayByteLength, value, []),
    typedArrayByteOffset: (value) => apply(typedArrayByteOffset, value, []),
    typedArrayBuffer: (value) => apply(typedArrayBuffer, value, []),
  });
})
