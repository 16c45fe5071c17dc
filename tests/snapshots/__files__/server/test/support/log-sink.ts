import { createLogger, type Logger, type LogLevel } from '../../src/shared/logger.js';

export type LogLine = Record<string, unknown> & { level: string; msg?: string };

/** Collects the JSON lines a logger writes, so tests can assert on them and keep output quiet. */
export class LogSink {
  readonly lines: LogLine[] = [];

  write(chunk: string): void {
    for (const line of chunk.split('\n')) if (line.trim() !== '') this.lines.push(JSON.parse(line) as LogLine);
  }

  find(predicate: (line: LogLine) => boolean | undefined): LogLine | undefined {
    return this.lines.find(predicate);
  }

  withMessage(msg: string): LogLine[] {
    return this.lines.filter((line) => line.msg === msg);
  }
}

export function createTestLogger(level: LogLevel = 'debug'): { logger: Logger; logs: LogSink } {
  const logs = new LogSink();
  return { logger: createLogger({ level, destination: logs }), logs };
}
