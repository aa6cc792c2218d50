/// <reference types="vite/client" />

declare module 'virtual:mockloop/templates' {
  /** Full templates of each kind, each in a chunk of its own. */
  const loaders: Record<
    string,
    () => Promise<{ default: import('./domain/content').TemplateBase[] }>
  >;
  export default loaders;
}

declare module 'virtual:mockloop/catalog' {
  const catalog: import('./domain/content').Catalog;
  export default catalog;
}
