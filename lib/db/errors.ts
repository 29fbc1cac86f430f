import type { StoreErrorCode } from '../store/types';

/** A refusal the coach can act on. Its message is the code; pages show `error_<code>`. */
export class StoreError extends Error {
  constructor(readonly code: StoreErrorCode) {
    super(code);
    this.name = 'StoreError';
  }
}
