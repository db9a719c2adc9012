// Preloaded into every test server (node --require): the server exits when its stdin closes, which happens when the
// test process ends for any reason, even a crash or kill -9, so no server outlives the run that started it.
'use strict';
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
