'use strict';
// The capture step of the interop suite: starts the fake OpenAI server, then runs the scenario
// once per instrumentation, each in its own Node process (instrumentations patch the openai
// module globally, so two in one process would wrap each other's calls), and leaves the OTLP
// captures in target/captures/<instrumentation id>/ for the Java tests.
//
// Usage (from interop/): npm run capture [-- <instrumentation id>...]

const path = require('node:path');
const fs = require('node:fs');
const { spawn } = require('node:child_process');
const { start, loadScenario } = require('./fake-openai-server.cjs');
const { INSTRUMENTATIONS } = require('./instrumentations.cjs');

const CAPTURES = path.join(__dirname, '..', 'target', 'captures');
const CHILD_TIMEOUT_MS = 120_000;

function runChild(id, url) {
    const out = path.join(CAPTURES, id);
    fs.rmSync(out, { recursive: true, force: true });
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [path.join(__dirname, 'run-scenario.cjs'), id, url, out], {
            stdio: 'inherit',
        });
        const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
        child.on('error', reject);
        child.on('exit', (code, signal) => {
            clearTimeout(timer);
            if (code === 0) {
                resolve();
            } else {
                reject(new Error(`${id}: scenario exited with ${signal || code}`));
            }
        });
    });
}

async function main() {
    const wanted = process.argv.slice(2);
    const selected = wanted.length ? INSTRUMENTATIONS.filter((i) => wanted.includes(i.id)) : INSTRUMENTATIONS;
    if (selected.length !== (wanted.length || INSTRUMENTATIONS.length)) {
        throw new Error(`unknown instrumentation in ${wanted.join(' ')}`);
    }
    const started = Date.now();
    const server = await start(loadScenario());
    try {
        for (const i of selected) {
            await runChild(i.id, server.url);
        }
    } finally {
        await server.close();
    }
    console.log(`captured ${selected.length} instrumentations into ${CAPTURES} in ${Date.now() - started} ms`);
}

main().catch((e) => {
    console.error(e.message || e);
    process.exit(1);
});
