/** A stylesheet's text, for the reader pages' inline <style> (lib/reader; the server's build minifies it). */
declare module "*.css?raw" {
  const text: string;
  export default text;
}
