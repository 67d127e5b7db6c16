/**
 * The Content-Security-Policy of the UI, in the desktop app and in browser mode alike: our own
 * files only, no inline script, no eval, nothing remote. `'wasm-unsafe-eval'` lets pdf.js
 * compile its WebAssembly image decoders (JPEG 2000, JBIG2); it does not allow JavaScript eval.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
