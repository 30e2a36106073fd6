// vitest runs outside React's server environment; `server-only` would refuse to load there.
export {};
