// Vite's ?url import of elk's worker script.
declare module 'elkjs/lib/elk-worker.min.js?url' {
  const url: string;
  export default url;
}
