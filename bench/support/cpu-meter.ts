import { readdirSync, readFileSync } from 'node:fs';

/** Kernel clock ticks per second for /proc CPU times (USER_HZ, 100 on every Linux the benches run on). */
const TICKS_PER_SECOND = 100;
const MS_PER_TICK = 1000 / TICKS_PER_SECOND;

/** CPU time in milliseconds, split where the benches need it. */
export interface CpuTimes {
  /** This process's main thread: the service's event loop. */
  readonly mainThread: number;
  /** This process's other threads: libuv pool (argon2, fs), worker threads (load clients, producers), V8 helpers. */
  readonly otherThreads: number;
  /** Each local server process the service talks to, by name (MariaDB, the Kafka broker). */
  readonly servers: Readonly<Partial<Record<string, number>>>;
}

/** utime + stime of a /proc stat line, in ms; null if the process or thread is gone or unreadable. */
function statCpuMs(path: string): number | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  // Fields after the parenthesised command name (which may itself contain spaces): utime is field 14, stime 15.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
}

function commandLine(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** Pids of local processes whose command line matches, first match per name. */
function findServers(patterns: Readonly<Record<string, RegExp>>): Map<string, string> {
  const found = new Map<string, string>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return found;
  }
  for (const pid of pids) {
    const line = commandLine(pid);
    for (const [name, pattern] of Object.entries(patterns)) {
      if (!found.has(name) && pattern.test(line)) found.set(name, pid);
    }
  }
  return found;
}

/**
 * Where a benchmark's CPU goes, read from /proc: throughput on a shared 2-CPU machine is noisy, CPU time per
 * operation much less so, and it says which process a target is lost in. Linux only; elsewhere every figure is 0.
 */
export class CpuMeter {
  private readonly servers: Map<string, string>;

  constructor(
    patterns: Readonly<Record<string, RegExp>> = {
      mariadb: /(^|\/)(mariadbd|mysqld)( |$)/,
      kafka: /kafka\.Kafka /u,
    },
  ) {
    this.servers = findServers(patterns);
  }

  /** Names of the server processes found (a missing one is simply not measured). */
  get measuredServers(): string[] {
    return [...this.servers.keys()];
  }

  read(): CpuTimes {
    const main = statCpuMs(`/proc/self/task/${process.pid}/stat`) ?? 0;
    const whole = statCpuMs('/proc/self/stat') ?? 0;
    const servers: Record<string, number> = {};
    for (const [name, pid] of this.servers) servers[name] = statCpuMs(`/proc/${pid}/stat`) ?? 0;
    return { mainThread: main, otherThreads: Math.max(0, whole - main), servers };
  }

  /** Runs `work` and returns its result with the CPU time every measured party spent meanwhile. */
  async measure<T>(work: () => Promise<T>): Promise<{ result: T; cpu: CpuTimes }> {
    const before = this.read();
    const result = await work();
    return { result, cpu: CpuMeter.between(before, this.read()) };
  }

  static between(before: CpuTimes, after: CpuTimes): CpuTimes {
    const servers: Record<string, number> = {};
    for (const [name, ms] of Object.entries(after.servers))
      servers[name] = (ms ?? 0) - (before.servers[name] ?? 0);
    return {
      mainThread: after.mainThread - before.mainThread,
      otherThreads: after.otherThreads - before.otherThreads,
      servers,
    };
  }

  /** CPU ms per operation, by party, rounded to 0.01 ms; `total` is their sum. */
  static perOperation(cpu: CpuTimes, operations: number): Record<string, number> {
    const per = (ms: number): number => (operations > 0 ? Math.round((ms / operations) * 100) / 100 : 0);
    const parts: Record<string, number> = {
      mainThread: per(cpu.mainThread),
      otherThreads: per(cpu.otherThreads),
    };
    for (const [name, ms] of Object.entries(cpu.servers)) parts[name] = per(ms ?? 0);
    parts.total = per(
      cpu.mainThread +
        cpu.otherThreads +
        Object.values(cpu.servers).reduce<number>((a, b) => a + (b ?? 0), 0),
    );
    return parts;
  }
}
