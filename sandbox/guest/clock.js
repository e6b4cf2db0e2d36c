// Guest side: freezes the clock for one run when the host asks (fixture runs freeze it at the event's
// occurredAt, so a rule about "today" gives the same answer every time its tests run). Live runs never
// call it and keep the real clock. Each run has a fresh context, so a frozen clock never outlives its run.
// Frozen: Date.now(), new Date(), Date(), and Intl.DateTimeFormat's format()/formatToParts() without a date.
// Everything else about Date (parsing, explicit times, Date.UTC, instanceof) is the platform's own.
(function makeClockFreezer(intrinsics) {
  'use strict';
  const { apply, construct, defineProperty, getOwnPropertyDescriptor } = intrinsics;
  return function freezeClock(frozenTimeMs) {
    const NativeDate = Date;
    const prototype = NativeDate.prototype;
    const toString = prototype.toString;
    const FrozenDate = function Date(...values) {
      if (new.target === undefined) return apply(toString, construct(NativeDate, [frozenTimeMs]), []);
      return construct(NativeDate, values.length === 0 ? [frozenTimeMs] : values, new.target);
    };
    defineProperty(FrozenDate, 'length', { value: 7, writable: false, enumerable: false, configurable: true });
    defineProperty(FrozenDate, 'prototype', { value: prototype, writable: false, enumerable: false, configurable: false });
    defineProperty(FrozenDate, 'now', { value: function now() { return frozenTimeMs; }, writable: true, enumerable: false, configurable: true });
    defineProperty(FrozenDate, 'parse', getOwnPropertyDescriptor(NativeDate, 'parse'));
    defineProperty(FrozenDate, 'UTC', getOwnPropertyDescriptor(NativeDate, 'UTC'));
    defineProperty(prototype, 'constructor', { value: FrozenDate, writable: true, enumerable: false, configurable: true });
    defineProperty(globalThis, 'Date', { value: FrozenDate, writable: true, enumerable: false, configurable: true });

    // Without a date, format() and formatToParts() read V8's own clock, not the global Date.
    const formats = Intl.DateTimeFormat.prototype;
    const formatGetter = getOwnPropertyDescriptor(formats, 'format').get;
    defineProperty(formats, 'format', {
      get() {
        const bound = apply(formatGetter, this, []);
        return function format(date) { return bound(date === undefined ? frozenTimeMs : date); };
      },
      enumerable: false,
      configurable: true,
    });
    const nativeFormatToParts = formats.formatToParts;
    defineProperty(formats, 'formatToParts', {
      value: function formatToParts(date) { return apply(nativeFormatToParts, this, [date === undefined ? frozenTimeMs : date]); },
      writable: true,
      enumerable: false,
      configurable: true,
    });
  };
})
