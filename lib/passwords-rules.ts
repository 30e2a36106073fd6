// What a password must be: shared by forms (in the browser) and the server.
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
