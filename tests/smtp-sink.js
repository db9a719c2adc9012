// A real SMTP server for the tests (smtp-server from npm) on 127.0.0.1:PORT. Every accepted message is written, raw as
// received, to DIR as <n>.eml, so a test parses exactly what a mail client would get. With --refuse it answers every
// recipient with a permanent 550, like a server that rejects the mail.
'use strict';
const fs = require('fs');
const path = require('path');
const { SMTPServer } = require('smtp-server');

const args = process.argv.slice(2);
const value = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const port = Number(value('--port'));
const dir = value('--dir');
const refuse = args.includes('--refuse');
fs.mkdirSync(dir, { recursive: true });
let count = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onRcptTo(address, session, callback) {
    if (refuse) {
      const error = new Error('Mailbox unavailable (test server refuses everything)');
      error.responseCode = 550;
      return callback(error);
    }
    return callback();
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      count += 1;
      const file = path.join(dir, `${String(count).padStart(4, '0')}.eml`);
      fs.writeFileSync(file + '.partial', Buffer.concat(chunks));
      fs.renameSync(file + '.partial', file);
      callback(null, `queued as ${count}`);
    });
  },
});
server.on('error', (e) => { console.error(e.message); process.exit(1); });
server.listen(port, '127.0.0.1', () => console.log(`smtp-sink listening on 127.0.0.1:${port}`));
