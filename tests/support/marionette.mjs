// A small client for Firefox's Marionette protocol (the one geckodriver speaks),
// for the Firefox end-to-end tests. Firefox's WebDriver BiDi skips extension
// contexts (Mozilla bug 1755014), so moz-extension:// pages and Clearline's prompt
// frame are reached this way; BiDi, on the same session, serves the practice site.
// Wire format: `<length>:<json>`; a command is [0, id, name, params], its answer
// [1, id, error, result].
import { connect } from 'node:net';

export class Marionette {
  /** @param {import('node:net').Socket} socket */
  constructor(socket) {
    this.socket = socket;
    this.buffer = Buffer.alloc(0);
    this.nextId = 1;
    /** @type {Map<number, { resolve: (v: any) => void, reject: (e: Error) => void, name: string }>} */
    this.pending = new Map();
    this.greeting = new Promise((resolve) => (this.onGreeting = resolve));
    socket.on('data', (chunk) => this.receive(chunk));
    socket.on('close', () => {
      for (const p of this.pending.values())
        p.reject(new Error(`Marionette closed during ${p.name}`));
      this.pending.clear();
    });
  }

  static async connect(port, host = '127.0.0.1') {
    const socket = await new Promise((resolve, reject) => {
      const s = connect(port, host, () => resolve(s));
      s.once('error', reject);
    });
    const client = new Marionette(socket);
    await client.greeting;
    return client;
  }

  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString());
      if (this.buffer.length < colon + 1 + length) return;
      const message = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString());
      this.buffer = this.buffer.subarray(colon + 1 + length);
      if (!Array.isArray(message)) {
        this.onGreeting(message);
        continue;
      }
      const [, id, error, result] = message;
      const waiting = this.pending.get(id);
      if (!waiting) continue;
      this.pending.delete(id);
      if (error) {
        const e = new Error(`${waiting.name}: ${error.error}: ${error.message}`);
        e.webdriverError = error.error;
        waiting.reject(e);
      } else waiting.resolve(result);
    }
  }

  /**
   * @param {string} name e.g. 'WebDriver:Navigate'
   * @param {object} [params]
   * @param {number} [timeoutMs] a call that never returns fails with its name
   */
  send(name, params = {}, timeoutMs = 30_000) {
    const id = this.nextId++;
    const body = Buffer.from(JSON.stringify([0, id, name, params]));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${name}: no answer from Firefox in ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        name,
        resolve: (v) => (clearTimeout(timer), resolve(v)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.socket.write(`${body.length}:`);
      this.socket.write(body);
    });
  }

  close() {
    this.socket.destroy();
  }
}
