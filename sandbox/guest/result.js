// Guest side: turns the value `run` returned into JSON text, refusing values over the output limit. The size
// is estimated by a walk first, so a 50 MB value is refused without building a second 50 MB string.
(function makeSerialiseResult(intrinsics) {
  'use strict';
  const { stringify, keys, isArray, Set, charCodeAt, typedArrayKind } = intrinsics;

  // A lower bound of the JSON length in UTF-16 units (so also in UTF-8 bytes), walked only until it passes
  // `limit`: the walk stays cheap however large the value. toJSON values count as nothing here.
  function jsonLengthAtLeast(root, limit) {
    let total = 0;
    const pending = [root];
    const seen = new Set();
    while (pending.length > 0 && total <= limit) {
      const value = pending.pop();
      if (typeof value === 'string') { total += value.length + 2; continue; }
      if (typeof value !== 'object' || value === null) { total += 1; continue; }
      if (seen.has(value) || typeof value.toJSON === 'function') continue;
      seen.add(value);
      if (typedArrayKind(value) !== undefined) { total += value.length * 4 + 2; continue; }
      const array = isArray(value);
      const names = array ? undefined : keys(value);
      total += (array ? value.length : names.length) + 1;
      if (total > limit) break;
      if (array) for (let index = 0; index < value.length; index++) pending.push(value[index]);
      else for (const name of names) { total += name.length + 3; pending.push(value[name]); }
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
