// Guest side: WHATWG URL and URLSearchParams. Parsing, setters and query encoding are Node's own (through
// `callWeb`), so behaviour matches the platform exactly; the guest keeps only the resulting plain records.
(function installUrl(intrinsics, callWeb) {
  'use strict';
  const { defineProperty, keys, String, TypeError, WeakMap, iterator, toStringTag } = intrinsics;
  const COMPONENTS = ['href', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash'];
  const lists = new WeakMap();   // URLSearchParams -> [[name, value], ...]
  const owners = new WeakMap();  // URLSearchParams -> the URL whose query it mirrors
  const records = new WeakMap(); // URL -> record of components

  const listOf = (params) => {
    const list = lists.get(params);
    if (list === undefined) throw new TypeError('Value of "this" must be of type URLSearchParams');
    return list;
  };
  const recordOf = (url) => {
    const record = records.get(url);
    if (record === undefined) throw new TypeError('Value of "this" must be of type URL');
    return record;
  };
  const changed = (params) => {
    const url = owners.get(params);
    if (url !== undefined) records.set(url, callWeb('url-set', recordOf(url).href, 'search', params.toString()));
  };

  class URLSearchParams {
    constructor(init = undefined) {
      lists.set(this, []);
      if (init === undefined || init === null) return;
      if (typeof init === 'object' || typeof init === 'function') {
        const pairs = typeof init[iterator] === 'function' ? Array.from(init, (pair) => Array.from(pair)) : keys(init).map((name) => [name, init[name]]);
        for (const pair of pairs) {
          if (pair.length !== 2) throw new TypeError('Each query pair must be an iterable [name, value] tuple');
          this.append(pair[0], pair[1]);
        }
        return;
      }
      lists.set(this, callWeb('query-parse', String(init)));
    }
    get size() { return listOf(this).length; }
    append(name, value) { listOf(this).push([String(name), String(value)]); changed(this); }
    delete(name, value = undefined) {
      const list = listOf(this);
      const keep = list.filter(([key, current]) => key !== String(name) || (value !== undefined && current !== String(value)));
      list.length = 0;
      list.push(...keep);
      changed(this);
    }
    get(name) { const found = listOf(this).find(([key]) => key === String(name)); return found === undefined ? null : found[1]; }
    getAll(name) { return listOf(this).filter(([key]) => key === String(name)).map(([, value]) => value); }
    has(name, value = undefined) { return listOf(this).some(([key, current]) => key === String(name) && (value === undefined || current === String(value))); }
    set(name, value) {
      const list = listOf(this);
      const index = list.findIndex(([key]) => key === String(name));
      if (index === -1) { list.push([String(name), String(value)]); } else {
        list[index] = [String(name), String(value)];
        for (let at = list.length - 1; at > index; at--) if (list[at][0] === String(name)) list.splice(at, 1);
      }
      changed(this);
    }
    sort() { listOf(this).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)); changed(this); }
    forEach(callback, thisArg = undefined) { for (const [name, value] of listOf(this)) callback.call(thisArg, value, name, this); }
    *entries() { for (const [name, value] of listOf(this)) yield [name, value]; }
    *keys() { for (const [name] of listOf(this)) yield name; }
    *values() { for (const [, value] of listOf(this)) yield value; }
    [iterator]() { return this.entries(); }
    toString() { return callWeb('query-serialize', listOf(this)); }
    get [toStringTag]() { return 'URLSearchParams'; }
  }

  class URL {
    #searchParams;
    constructor(url, base = undefined) {
      if (arguments.length === 0) throw new TypeError('The "url" argument must be specified');
      records.set(this, callWeb('url-parse', String(url), base === undefined ? undefined : String(base)));
    }
    static canParse(url, base = undefined) { try { new URL(url, base); return true; } catch { return false; } }
    get origin() { return recordOf(this).origin; }
    get searchParams() {
      if (this.#searchParams === undefined) {
        this.#searchParams = new URLSearchParams(recordOf(this).search);
        owners.set(this.#searchParams, this);
      }
      return this.#searchParams;
    }
    toString() { return recordOf(this).href; }
    toJSON() { return recordOf(this).href; }
    get [toStringTag]() { return 'URL'; }
    static {
      for (const name of COMPONENTS) {
        defineProperty(URL.prototype, name, {
          enumerable: true, configurable: true,
          get() { return recordOf(this)[name]; },
          set(value) {
            records.set(this, callWeb('url-set', recordOf(this).href, name, String(value)));
            if (this.#searchParams !== undefined) lists.set(this.#searchParams, callWeb('query-parse', recordOf(this).search));
          },
        });
      }
    }
  }

  for (const [name, value] of [['URL', URL], ['URLSearchParams', URLSearchParams]]) {
    defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
  }
})
