// A model request that failed for a reason the admin can act on (a status, an unreachable server). The
// loop hands its message back as the reason it stopped; it never carries a stack.

export class ModelRequestError extends Error {
  readonly status: number | undefined;

  constructor(message: string, status: number | undefined) {
    super(message);
    this.name = 'ModelRequestError';
    this.status = status;
  }
}
