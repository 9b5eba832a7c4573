import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** What the SMTP peer accepted: one entry per DATA command answered 250. */
export interface ReceivedMail {
  to: string[];
  raw: string;
}

/**
 * A real SMTP server on 127.0.0.1 (plain text, no authentication). `rcptDelayMs` slows every
 * recipient command, so a test can stop a worker in the middle of a batch: a sender killed before
 * DATA delivers nothing, as with a real server.
 */
export class SmtpPeer {
  readonly received: ReceivedMail[] = [];
  /** connection errors seen (a sender killed mid-session resets its connection: expected in tests) */
  readonly connectionErrors: Error[] = [];
  private server: SMTPServer | undefined;
  port = 0;

  constructor(private readonly options: { rcptDelayMs?: number } = {}) {}

  async start(port = 0): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      // the platform keeps pooled SMTP connections open: stopping the peer closes them at once
      closeTimeout: 200,
      // no reverse DNS lookup of 127.0.0.1 per connection
      disableReverseLookup: true,
      size: 10 * 1024 * 1024,
      maxClients: 200,
      onRcptTo: (_address, _session, callback) => {
        const delay = this.options.rcptDelayMs ?? 0;
        if (delay > 0) setTimeout(() => callback(), delay);
        else callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        // the sender went away in the middle of DATA: nothing was accepted
        stream.on('error', (error: Error) => callback(error));
        stream.on('end', () => {
          this.received.push({
            to: session.envelope.rcptTo.map((a) => a.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    // a killed sender resets its connection: recorded, not an uncaught exception of the test run
    server.on('error', (error: Error) => this.connectionErrors.push(error));
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Message-IDs of the outbox (`<id@halle>`) and how many copies of each arrived. */
  copiesById(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const r of this.received) {
      const id = /^Message-ID: <([^@>]+)@halle>/im.exec(r.raw)?.[1];
      if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}?ignoreTLS=true`;
  }
}

export async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
