package io.llmsentinel.simulator.sink;

import io.llmsentinel.schema.SourceFormat;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads the records of a file written by {@link FileRecordSink} (or by anything using the same
 * framing, see {@link RecordFraming}) as raw bytes, one record at a time. Bytes are not decoded, so
 * broken records come back exactly as written. Empty lines are skipped.
 *
 * <pre>{@code
 * try (RecordFileReader r = RecordFileReader.open(path, SourceFormat.OTLP_PROTO)) {
 *     for (byte[] record : r) { ... }
 * }
 * }</pre>
 */
public final class RecordFileReader implements Iterable<byte[]>, AutoCloseable {
    /** Guards against reading a non-delimited file as delimited and allocating gigabytes. */
    static final int MAX_RECORD_BYTES = 64 * 1024 * 1024;

    private final Path file;
    private final RecordFraming framing;
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean iterated;

    private RecordFileReader(Path file, RecordFraming framing) throws IOException {
        this.file = file;
        this.framing = framing;
        this.in = Files.newInputStream(file);
    }

    public static RecordFileReader open(Path file, SourceFormat format) {
        return open(file, RecordFraming.of(format));
    }

    public static RecordFileReader open(Path file, RecordFraming framing) {
        try {
            return new RecordFileReader(file, framing);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    /** All records of a file. */
    public static List<byte[]> readAll(Path file, SourceFormat format) {
        try (RecordFileReader r = open(file, format)) {
            List<byte[]> out = new ArrayList<>();
            for (byte[] record : r) {
                out.add(record);
            }
            return out;
        }
    }

    /** The next record, or null at the end of the file. */
    public byte[] next() {
        try {
            return framing == RecordFraming.LINES ? nextLine() : nextDelimited();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private byte[] nextLine() throws IOException {
        ByteArrayOutputStream partial = null; // a line that spans buffer refills
        while (true) {
            if (pos == limit && !fill()) {
                byte[] rest = partial == null ? null : partial.toByteArray();
                return rest == null || rest.length == 0 ? null : rest;
            }
            int start = pos;
            while (pos < limit && buffer[pos] != '\n') {
                pos++;
            }
            if (pos == limit) {
                if (partial == null) {
                    partial = new ByteArrayOutputStream(Math.max(1024, 2 * (limit - start)));
                }
                partial.write(buffer, start, limit - start);
                continue;
            }
            byte[] line;
            if (partial == null) {
                line = Arrays.copyOfRange(buffer, start, pos);
            } else {
                partial.write(buffer, start, pos - start);
                line = partial.toByteArray();
                partial = null;
            }
            pos++; // the line break
            if (line.length > 0) {
                return line;
            }
        }
    }

    private byte[] nextDelimited() throws IOException {
        int first = readByte();
        if (first < 0) {
            return null;
        }
        int length = readVarint(first);
        if (length < 0 || length > MAX_RECORD_BYTES) {
            throw new IOException(
                    file
                            + ": record length "
                            + length
                            + " is not plausible; is the file length-delimited?");
        }
        byte[] record = new byte[length];
        int filled = 0;
        while (filled < length) {
            if (pos == limit && !fill()) {
                throw new EOFException(file + ": the last record is cut off");
            }
            int n = Math.min(length - filled, limit - pos);
            System.arraycopy(buffer, pos, record, filled, n);
            pos += n;
            filled += n;
        }
        return record;
    }

    private int readVarint(int first) throws IOException {
        int result = first & 0x7F;
        int shift = 7;
        int b = first;
        while ((b & 0x80) != 0) {
            if (shift > 28) {
                throw new IOException(file + ": malformed record length");
            }
            b = readByte();
            if (b < 0) {
                throw new EOFException(file + ": the file ends inside a record length");
            }
            result |= (b & 0x7F) << shift;
            shift += 7;
        }
        return result;
    }

    private int readByte() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buffer[pos++] & 0xFF;
    }

    /** Refills the buffer; false at the end of the file. */
    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        pos = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    /** Iterates the remaining records; a reader can be iterated once. */
    @Override
    public Iterator<byte[]> iterator() {
        if (iterated) {
            throw new IllegalStateException("a RecordFileReader can be iterated only once");
        }
        iterated = true;
        return new Iterator<>() {
            private byte[] next = RecordFileReader.this.next();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public byte[] next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                byte[] current = next;
                next = RecordFileReader.this.next();
                return current;
            }
        };
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
