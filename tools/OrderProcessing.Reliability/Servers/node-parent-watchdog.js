// Loaded with `node --require` before a test server: when the .NET process that started us goes away (our stdin
// closes), exit too, so no server outlives its run, even when the runner is killed.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
