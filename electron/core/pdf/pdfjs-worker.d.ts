// pdf.js's worker code, imported in Node so that the first document does not load it.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs'
