package io.llmsentinel.jobs.replay;

import io.llmsentinel.jobs.ingest.RawRecord;
import io.llmsentinel.schema.SourceFormat;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads an exported telemetry file as raw records for a bounded replay. Framing: JSON and OTLP/JSON
 * files hold one record per line (JSONL, as exported logs and {@code sentinel simulate} write
 * them); OTLP protobuf files hold length-delimited ExportTraceServiceRequest messages (a varint
 * length before each message, protobuf's writeDelimitedTo). Each record's offset is its index in
 * the file, so a dead letter points back to the line or message that failed.
 */
public final class RecordFileFormat extends SimpleStreamFormat<RawRecord> {
    /** A frame longer than this is not a record but a corrupt length prefix. */
    static final int MAX_FRAME_BYTES = 64 << 20;

    private final SourceFormat format;
    private final String sourceName;

    public RecordFileFormat(SourceFormat format, String sourceName) {
        this.format = format;
        this.sourceName = sourceName;
    }

    @Override
    public StreamFormat.Reader<RawRecord> createReader(
            Configuration config, FSDataInputStream stream) {
        InputStream in = new BufferedInputStream(stream, 1 << 16);
        return format == SourceFormat.OTLP_PROTO ? new DelimitedReader(in) : new LineReader(in);
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return TypeInformation.of(RawRecord.class);
    }

    private RawRecord record(long index, byte[] value) {
        return new RawRecord(format.wireName(), sourceName, 0, index, -1, value);
    }

    private final class LineReader implements StreamFormat.Reader<RawRecord> {
        private final InputStream in;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
        private long index;

        LineReader(InputStream in) {
            this.in = in;
        }

        @Override
        public RawRecord read() throws IOException {
            while (true) {
                line.reset();
                int b;
                while ((b = in.read()) != -1 && b != '\n') {
                    line.write(b);
                }
                if (b == -1 && line.size() == 0) {
                    return null;
                }
                byte[] bytes = stripCarriageReturn(line.toByteArray());
                long i = index++;
                if (bytes.length > 0) {
                    return record(i, bytes);
                }
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private final class DelimitedReader implements StreamFormat.Reader<RawRecord> {
        private final InputStream in;
        private long index;

        DelimitedReader(InputStream in) {
            this.in = in;
        }

        @Override
        public RawRecord read() throws IOException {
            int first = in.read();
            if (first == -1) {
                return null;
            }
            long length = readVarint(first);
            if (length < 0 || length > MAX_FRAME_BYTES) {
                throw new IOException(
                        "corrupt length prefix "
                                + length
                                + " at record "
                                + index
                                + " of "
                                + sourceName);
            }
            byte[] bytes = in.readNBytes((int) length);
            if (bytes.length < length) {
                throw new EOFException("truncated last record " + index + " of " + sourceName);
            }
            return record(index++, bytes);
        }

        private long readVarint(int first) throws IOException {
            long value = first & 0x7f;
            int shift = 7;
            int b = first;
            while ((b & 0x80) != 0) {
                b = in.read();
                if (b == -1 || shift > 35) {
                    throw new EOFException("truncated length prefix in " + sourceName);
                }
                value |= (long) (b & 0x7f) << shift;
                shift += 7;
            }
            return value;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static byte[] stripCarriageReturn(byte[] bytes) {
        if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
            byte[] out = new byte[bytes.length - 1];
            System.arraycopy(bytes, 0, out, 0, out.length);
            return out;
        }
        return bytes;
    }
}
