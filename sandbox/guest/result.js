// Guest side: turns the value `run` returned into JSON text, refusing values over the output limit. The size
// is estimated by a walk first, so a 50 MB value is refused without building a second 50 MB string.
(function makeSerialiseResult(intrinsics) {
  'use strict';
  const { stringify, keys, isArray, Set, setHas, setAdd, charCodeAt, typedArrayKind } = intrinsics;

  // A lower bound of the JSON length in UTF-16 units (so also in UTF-8 bytes), walked only until it passes
  // `limit`: the walk stays cheap however large the value. toJSON values count as nothing here. The
  // pending stack is a chain of object literals, which setters a guest put on Array.prototype cannot touch.
  function jsonLengthAtLeast(root, limit) {
    let total = 0;
    let pending = { value: root, next: null };
    const seen = new Set();
    while (pending !== null && total <= limit) {
      const { value } = pending;
      pending = pending.next;
      if (typeof value === 'string') { total += value.length + 2; continue; }
      if (typeof value !== 'object' || value === null) { total += 1; continue; }
      if (setHas(seen, value) || typeof value.toJSON === 'function') continue;
      setAdd(seen, value);
      if (typedArrayKind(value) !== undefined) { total += value.length * 4 + 2; continue; }
      const array = isArray(value);
      const names = array ? undefined : keys(value);
      const count = array ? value.length : names.length;
      total += count + 1;
      for (let index = 0; index < count && total <= limit; index++) {
        if (!array) total += names[index].length + 3;
        pending = { value: array ? value[index] : value[names[index]], next: pending };
      }
    }
    return total;
  }

  function utf8Length(text) {
    let bytes = 0;
    for (let index = 0; index < text.length; index++) {
      const unit = charCodeAt(text, index);
      if (unit < 0x80) bytes += 1;
      else if (unit < 0x800) bytes += 2;
      else if (unit >= 0xd800 && unit <= 0xdbff) { bytes += 4; index++; }
      else bytes += 3;
    }
    return bytes;
  }

  /** { json } for a JSON value, or { refused } with the reason; JSON.stringify's own errors propagate. */
  return function serialiseResult(value, limit) {
    if (value === undefined) return { json: 'null' };
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
      return { refused: `the function returned a ${typeof value}, which is not a JSON value` };
    }
    const atLeast = jsonLengthAtLeast(value, limit);
    if (atLeast > limit) return { refused: `return value is at least ${atLeast} bytes as JSON, over the ${limit}-byte limit` };
    const json = stringify(value);
    if (json === undefined) return { json: 'null' };
    const bytes = json.length * 3 <= limit ? json.length : utf8Length(json);
    if (bytes > limit) return { refused: `return value is ${bytes} bytes, over the ${limit}-byte limit` };
    return { json };
  };
})
