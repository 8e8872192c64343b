// Vite inlines images imported by the main bundle as data URLs (library mode inlines assets).
declare module '*.png' {
  const dataUrl: string;
  export default dataUrl;
}
