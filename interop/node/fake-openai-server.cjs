'use strict';
// A fake OpenAI-compatible HTTP server, written for the interop suite. It answers
// POST /v1/chat/completions (JSON or streamed as server-sent events), /v1/embeddings,
// /v1/responses and /v1/completions with the replies scripted in ../scenario.json, including
// the 429 and 500 errors. Deterministic: every reply, id, token count and delay comes from the
// scenario; nothing depends on the clock or on randomness.
//
// A request picks its scripted call with the header `x-interop-call: <call name>`; without
// the header, the first call of the endpoint's API answers (handy for trying an app by hand).
//
// Standalone: node node/fake-openai-server.cjs [--port 8089]

const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const SCENARIO_FILE = path.join(__dirname, '..', 'scenario.json');

const API_BY_PATH = {
    '/v1/chat/completions': 'chat.completions',
    '/v1/embeddings': 'embeddings',
    '/v1/responses': 'responses',
    '/v1/completions': 'completions',
};

function loadScenario(file = SCENARIO_FILE) {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Float32 little-endian, base64: what the API returns for encoding_format "base64". */
function base64Embedding(values) {
    const buf = Buffer.alloc(values.length * 4);
    values.forEach((v, i) => buf.writeFloatLE(v, i * 4));
    return buf.toString('base64');
}

function embeddingsBody(body, request) {
    if (request.encoding_format !== 'base64') {
        return body;
    }
    return {
        ...body,
        data: body.data.map((d) => ({ ...d, embedding: base64Embedding(d.embedding) })),
    };
}

function sendJson(res, status, headers, body) {
    const payload = JSON.stringify(body);
    res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(payload),
        'x-request-id': 'req_interop',
        ...headers,
    });
    res.end(payload);
}

async function sendStream(res, call) {
    res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        'x-request-id': 'req_interop',
    });
    for (const [i, chunk] of call.reply.chunks.entries()) {
        if (i > 0) {
            await sleep(call.chunk_delay_ms || 0);
        }
        res.write(`data: ${JSON.stringify(chunk)}\n\n`);
    }
    res.write('data: [DONE]\n\n');
    res.end();
}

function readBody(req) {
    return new Promise((resolve, reject) => {
        const parts = [];
        req.on('data', (p) => parts.push(p));
        req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
        req.on('error', reject);
    });
}

function pickCall(scenario, api, name) {
    if (name) {
        return scenario.calls.find((c) => c.name === name && c.api === api);
    }
    return scenario.calls.find((c) => c.api === api && c.reply.status === 200);
}

async function handle(scenario, req, res) {
    const api = API_BY_PATH[req.url.split('?')[0]];
    const raw = await readBody(req);
    if (req.method !== 'POST' || !api) {
        return sendJson(res, 404, {}, { error: { message: `no route ${req.method} ${req.url}`, type: 'invalid_request_error', param: null, code: null } });
    }
    let request;
    try {
        request = JSON.parse(raw);
    } catch (e) {
        return sendJson(res, 400, {}, { error: { message: 'body is not JSON', type: 'invalid_request_error', param: null, code: null } });
    }
    const call = pickCall(scenario, api, req.headers['x-interop-call']);
    if (!call) {
        return sendJson(res, 400, {}, { error: { message: `no scripted call '${req.headers['x-interop-call']}' for ${api}`, type: 'invalid_request_error', param: null, code: null } });
    }
    await sleep(call.delay_ms || 0);
    const reply = call.reply;
    if (reply.chunks) {
        return sendStream(res, call);
    }
    const body = api === 'embeddings' ? embeddingsBody(reply.body, request) : reply.body;
    return sendJson(res, reply.status, reply.headers || {}, body);
}

/** Starts the server on 127.0.0.1 (port 0: any free port); resolves to { url, port, close }. */
function start(scenario = loadScenario(), port = 0) {
    const server = http.createServer((req, res) => {
        handle(scenario, req, res).catch((e) => {
            res.destroy(e);
        });
    });
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
            const actual = server.address().port;
            resolve({
                port: actual,
                url: `http://127.0.0.1:${actual}/v1`,
                close: () => new Promise((done) => server.close(done)),
            });
        });
    });
}

module.exports = { start, loadScenario, SCENARIO_FILE };

if (require.main === module) {
    const i = process.argv.indexOf('--port');
    const port = i > 0 ? Number(process.argv[i + 1]) : 8089;
    start(loadScenario(), port).then((s) => console.log(`fake OpenAI server on ${s.url}`));
}
