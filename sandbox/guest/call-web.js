// Guest side: wraps the one synchronous host callback behind the web globals. The host answers
// { ok: true, value } or { ok: false, name, message }; failures become errors thrown here, in the guest.
(function makeCallWeb(intrinsics, web) {
  'use strict';
  const { Error, TypeError, RangeError } = intrinsics;
  const constructors = { __proto__: null, TypeError, RangeError };
  return function callWeb(operation, first, second, third) {
    const reply = web(operation, first, second, third);
    if (reply.ok === true) return reply.value;
    const ErrorType = constructors[reply.name] ?? Error;
    const error = new ErrorType(reply.message);
    if (!(reply.name in constructors) && typeof reply.name === 'string') error.name = reply.name;
    throw error;
  };
})
