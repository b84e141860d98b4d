package io.llmsentinel.simulator.sink;

import io.llmsentinel.schema.SourceFormat;
import io.llmsentinel.simulator.encode.EncodedRecord;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes records to a file in the framing of their format (see {@link RecordFraming}): JSON and
 * OTLP/JSON one record per line; OTLP protobuf length-delimited as by {@code writeDelimitedTo}.
 * {@link RecordFileReader} reads such files back, and so does {@code replay}.
 */
public final class FileRecordSink implements RecordSink {
    private final Path file;
    private final RecordFraming framing;
    private final OutputStream out;

    public FileRecordSink(Path file, SourceFormat format) {
        this.file = file;
        this.framing = RecordFraming.of(format);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    @Override
    public void write(EncodedRecord record) {
        byte[] v = record.value();
        try {
            if (framing == RecordFraming.LINES) {
                for (byte b : v) {
                    if (b == '\n') {
                        throw new IllegalArgumentException(
                                "a line-framed record must not contain a line break");
                    }
                }
                out.write(v);
                out.write('\n');
            } else {
                writeVarint(v.length);
                out.write(v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + file, e);
        }
    }

    private void writeVarint(int value) throws IOException {
        while ((value & ~0x7F) != 0) {
            out.write((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write(value);
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot flush " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
