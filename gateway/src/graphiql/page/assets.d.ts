// Stylesheets are bundled by esbuild; importing one yields nothing at run time.
declare module '*.css';
