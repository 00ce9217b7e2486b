/**
 * A module loaded on first use and kept. Each `import()` call asks the module loader to resolve its
 * specifier again, even for a module already loaded; under tsx (`npm start`, the tests, the
 * benchmarks) that is a round trip to the loader's hooks thread, about a millisecond, and a digest
 * drew a dozen charts through such imports. Keeping the promise pays it once. A failed load stays
 * failed, with its error, for every caller.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
}
