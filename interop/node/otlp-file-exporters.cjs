'use strict';
// Span and log-record exporters that write each export as the OTLP request an OTLP exporter
// would send, in both encodings, using the SDK's own serializers (@opentelemetry/otlp-transformer):
//   <kind>.otlp-proto   length-delimited ExportTraceServiceRequest / ExportLogsServiceRequest
//                       messages (a varint length before each: protobuf's writeDelimitedTo)
//   <kind>.otlp.jsonl   one OTLP/JSON request per line
// These are the framings `sentinel replay --format otlp-proto|otlp-json` reads, and one record
// per export is what the Collector's Kafka exporter writes to a topic.

const fs = require('node:fs');
const path = require('node:path');
const { ExportResultCode } = require('@opentelemetry/core');
const {
    ProtobufTraceSerializer,
    JsonTraceSerializer,
    ProtobufLogsSerializer,
    JsonLogsSerializer,
} = require('@opentelemetry/otlp-transformer');

function varint(n) {
    const bytes = [];
    while (n > 0x7f) {
        bytes.push((n & 0x7f) | 0x80);
        n >>>= 7;
    }
    bytes.push(n);
    return Buffer.from(bytes);
}

class OtlpFileExporter {
    /** @param kind "traces" or "logs" */
    constructor(dir, kind, protoSerializer, jsonSerializer) {
        fs.mkdirSync(dir, { recursive: true });
        this.protoFile = path.join(dir, `${kind}.otlp-proto`);
        this.jsonFile = path.join(dir, `${kind}.otlp.jsonl`);
        // Start empty, so a file holds one run only.
        fs.writeFileSync(this.protoFile, Buffer.alloc(0));
        fs.writeFileSync(this.jsonFile, '');
        this.proto = protoSerializer;
        this.json = jsonSerializer;
        this.exports = 0;
        this.items = 0;
    }

    export(items, resultCallback) {
        try {
            const proto = Buffer.from(this.proto.serializeRequest(items));
            fs.appendFileSync(this.protoFile, Buffer.concat([varint(proto.length), proto]));
            const json = Buffer.from(this.json.serializeRequest(items)).toString('utf8');
            fs.appendFileSync(this.jsonFile, json + '\n');
            this.exports++;
            this.items += items.length;
            resultCallback({ code: ExportResultCode.SUCCESS });
        } catch (error) {
            resultCallback({ code: ExportResultCode.FAILED, error });
        }
    }

    forceFlush() {
        return Promise.resolve();
    }

    shutdown() {
        return Promise.resolve();
    }
}

const traceFileExporter = (dir) =>
    new OtlpFileExporter(dir, 'traces', ProtobufTraceSerializer, JsonTraceSerializer);
const logFileExporter = (dir) =>
    new OtlpFileExporter(dir, 'logs', ProtobufLogsSerializer, JsonLogsSerializer);

module.exports = { traceFileExporter, logFileExporter };
