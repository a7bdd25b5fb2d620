// Vite's "?raw" import gives a file's text. The pure layers' tsconfig has no vite/client
// types, so the shape of the sources we read that way is declared here.
declare module '*.ts?raw' {
  const text: string;
  export default text;
}
declare module '*.tpl?raw' {
  const text: string;
  export default text;
}
