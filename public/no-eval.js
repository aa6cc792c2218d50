// Runs before the app's modules (a classic script ahead of the module entry): zod reads this
// setting when its first schema is built. Its jitless mode skips the `new Function('')` probe
// it would otherwise make, which a strict Content-Security-Policy reports as a violation even
// though zod catches it, and parses without generated code.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, {
  jitless: true,
});
