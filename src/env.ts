/** Reading environment variables: the `.env` file, the one error type for bad settings, and a trimmed getter. */
export type Env = Record<string, string | undefined>;

/**
 * Replaces the user name and password in every URL of `text` (`https://user:secret@host` ->
 * `https://[redacted]@host`), so an error that echoes a setting never shows a password.
 */
function redactUserinfo(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/?#"]*@/gi, '$1[redacted]@');
}

export class ConfigError extends Error {
  readonly variable: string;
  /** `message` may echo the value: any password in a URL is cut out of it. */
  constructor(variable: string, message: string) {
    super(`${variable}: ${redactUserinfo(message)}`);
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

/** The variable's value, trimmed; undefined when unset or blank. */
export function readVar(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

/** An http(s) URL setting, or undefined when unset; `example` shows what is expected. */
export function readUrl(env: Env, name: string, example: string): URL | undefined {
  const raw = readVar(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `expected a URL such as ${example}, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(name, `expected an http or https URL, got "${raw}"`);
  return url;
}

/**
 * Loads `file` (`.env` in the working directory) into process.env with Node's own parser, when
 * there is one; a variable already set wins over the file. A file that exists but cannot be read
 * is a ConfigError naming it.
 */
export function loadDotEnv(file = '.env'): void {
  try {
    process.loadEnvFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new ConfigError(file, (err as Error).message);
  }
}
