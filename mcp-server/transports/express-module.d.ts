// express 5 ships no types and the project has no @types/express; this names the one export used
// (the app it returns is typed by http-types.ts).
declare module 'express' {
  interface ExpressModule {
    (): unknown;
    json(options: { limit: number | string }): unknown;
  }
  const express: ExpressModule;
  export default express;
}
