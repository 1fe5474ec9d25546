// Tests run outside React Server Components; "server-only" guards the browser bundle, not them.
export {};
