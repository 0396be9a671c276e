/** What Vite and Astro put on `import.meta.env` in this project. */
interface ImportMetaEnv {
  readonly BASE_URL: string;
  readonly SITE: string | undefined;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
