/** `--name value` from the command line (or `argv`), undefined when absent. */
export function flagValue(name: string, argv: string[] = process.argv): string | undefined {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
}
