package io.tandem.matching.engine.cli;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads whitespace-separated integers line by line from raw bytes, without building strings, so
 * that 30 million of them parse in a fraction of a second.
 */
final class IntLines {

    private final InputStream in;
    private final String name;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private int line;
    private boolean eof;

    IntLines(InputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    /** The 1-based number of the line last read. */
    int line() {
        return line;
    }

    String name() {
        return name;
    }

    private int read() throws IOException {
        if (pos == limit) {
            if (eof) {
                return -1;
            }
            limit = in.read(buffer, 0, buffer.length);
            pos = 0;
            if (limit <= 0) {
                eof = true;
                limit = 0;
                return -1;
            }
        }
        return buffer[pos++] & 0xFF;
    }

    /**
     * Reads the next line's integers into {@code out[offset..offset+max)} (more are counted, not
     * stored).
     *
     * @return how many integers the line holds, or -1 at the end of the input
     */
    int readLine(int[] out, int offset, int max) throws IOException, InputException {
        int c = read();
        if (c < 0) {
            return -1;
        }
        line++;
        int count = 0;
        while (c >= 0 && c != '\n') {
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                c = read();
                continue;
            }
            boolean negative = false;
            int start = c;
            if (c == '-' || c == '+') {
                negative = c == '-';
                c = read();
            }
            String sign = start == '-' || start == '+' ? String.valueOf((char) start) : "";
            if (c < '0' || c > '9') {
                throw notAnInteger(sign, c);
            }
            long value = 0;
            while (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (value > 2147483648L) {
                    throw new InputException(where() + "integer out of range");
                }
                c = read();
            }
            if (c >= 0 && c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f') {
                throw notAnInteger(sign + value, c);
            }
            if (negative) {
                value = -value;
            }
            if (value > Integer.MAX_VALUE) {
                throw new InputException(where() + "integer out of range");
            }
            if (count < max) {
                out[offset + count] = (int) value;
            }
            count++;
        }
        return count;
    }

    /**
     * @param prefix what was read of the token before {@code bad}, its first wrong byte
     */
    private InputException notAnInteger(String prefix, int bad) throws IOException {
        StringBuilder token = new StringBuilder(prefix);
        int c = bad;
        while (c >= 0 && c != ' ' && c != '\t' && c != '\r' && c != '\n' && token.length() < 20) {
            token.append((char) (c & 0xFF));
            c = read();
        }
        String shown = token.toString().replaceAll("[^\\x20-\\x7e]", "?");
        return new InputException(where() + "not an integer: '" + shown + "'");
    }

    String where() {
        return name + ":" + line + ": ";
    }
}
