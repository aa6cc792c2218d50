/// <reference types="vite/client" />

declare module 'virtual:mockloop/catalog' {
  const catalog: import('./domain/content').Catalog;
  export default catalog;
}
