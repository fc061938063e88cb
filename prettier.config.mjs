// One formatting for the TypeScript, JavaScript, CSS and JSON of the project. Astro templates are left to their
// authors: reformatting them can change whitespace between inline elements, which is content.
export default {
  printWidth: 120,
  singleQuote: true,
  trailingComma: 'all',
};
