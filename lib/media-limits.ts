// The photo pipeline's limits, in a module the browser can load too (no server code, no zod).

/** Largest upload accepted, in bytes. */
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;
/** Largest decoded image accepted (width × height): a bound on memory and time, not on bytes. */
export const MAX_PHOTO_PIXELS = 50_000_000;

export const MAX_CAPTION_LENGTH = 500;
export const MAX_CREDIT_LENGTH = 100;
export const MAX_ALT_LENGTH = 300;
