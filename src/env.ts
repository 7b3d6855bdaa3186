/** Reading environment variables: the one error type for bad settings, and a trimmed getter. */
export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  readonly variable: string;
  constructor(variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

/** The variable's value, trimmed; undefined when unset or blank. */
export function readVar(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}
