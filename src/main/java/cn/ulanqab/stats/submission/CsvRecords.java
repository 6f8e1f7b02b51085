package cn.ulanqab.stats.submission;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text (RFC 4180: commas, quotation marks ("), CRLF, LF or CR line ends) into records, one at a time, and never
 * holds more than {@code maxRecordChars} of a record: a longer record is skipped to its end and reported as
 * {@link Kind#TOO_LONG} with its first characters only, so a 200 MB line costs no more memory than a short one.
 * <p>
 * Commons CSV cannot do this (it builds every field whole before anyone can look at it). The reading follows the
 * clarified contract: a {@code "} inside an unquoted field is an ordinary character; a quoted field followed by
 * anything but a comma or a line end is {@link Kind#BROKEN_QUOTING}, and reading goes on at the line after the one
 * the broken record started on; a line of nothing but blanks is {@link Kind#BLANK}; a line of {@code ""} is a record
 * of one empty field. {@link Record#line()} is the physical line on which a record starts.
 */
public final class CsvRecords implements Closeable {

    /** What a record turned out to be. */
    public enum Kind {
        /** split into fields. */
        FIELDS,
        /** a line holding nothing but blanks: not a row. */
        BLANK,
        /** longer than the limit: skipped to its end. */
        TOO_LONG,
        /** a quoted field followed by something other than a comma or a line end. */
        BROKEN_QUOTING,
        /** the input ends inside a quoted field. */
        UNCLOSED_QUOTE
    }

    /**
     * One record.
     *
     * @param line   the physical line it starts on, the first line of the input being 1
     * @param fields its fields, untrimmed (empty unless {@link Kind#FIELDS})
     * @param text   for a record that could not be split, its first line cut to {@code textLimit} characters
     */
    public record Record(long line, Kind kind, List<String> fields, String text) {
    }

    private enum State { FIELD_START, UNQUOTED, QUOTED, AFTER_QUOTE }

    private static final int EOF = -1;
    /** How much of a record longer than the limit is kept to report it. */
    public static final int TOO_LONG_TEXT = 100;

    private final Reader in;
    private final int maxRecordChars;
    private final int textLimit;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    /** Text to read again before the input (what followed the first line of a broken record). */
    private String pending = "";
    private int pendingPosition;
    private final StringBuilder raw = new StringBuilder();
    private final StringBuilder field = new StringBuilder();
    /** The physical line of the next character. */
    private long line = 1;
    private boolean afterCarriageReturn;

    /**
     * @param maxRecordChars the longest record kept, line ends inside quoted fields included
     * @param textLimit      how much of a record that cannot be split is kept for its report
     */
    public CsvRecords(Reader in, int maxRecordChars, int textLimit) {
        this.in = in;
        this.maxRecordChars = maxRecordChars;
        this.textLimit = textLimit;
    }

    /** The next record, or null at the end of the input. */
    public Record next() throws IOException {
        raw.setLength(0);
        field.setLength(0);
        long start = line;
        List<String> fields = new ArrayList<>();
        State state = State.FIELD_START;
        boolean blank = true;
        boolean tooLong = false;
        while (true) {
            int c = read();
            if (c == EOF) {
                if (raw.isEmpty() && !tooLong) {
                    return null;
                }
                if (tooLong) {
                    return cut(start, Kind.TOO_LONG);
                }
                if (state == State.QUOTED) {
                    return cut(start, Kind.UNCLOSED_QUOTE);
                }
                return finish(start, fields, blank);
            }
            if (!tooLong) {
                raw.append((char) c);
                if (raw.length() > maxRecordChars) {
                    tooLong = true;
                    raw.setLength(Math.min(raw.length(), Math.max(textLimit, TOO_LONG_TEXT)));
                    fields.clear();
                    field.setLength(0);
                }
            }
            boolean lineEnd = c == '\n' || c == '\r';
            switch (state) {
                case FIELD_START, UNQUOTED -> {
                    if (c == '"' && state == State.FIELD_START) {
                        state = State.QUOTED;
                        blank = false;
                    } else if (c == ',') {
                        endField(fields, tooLong);
                        state = State.FIELD_START;
                        blank = false;
                    } else if (lineEnd) {
                        skipLineFeedAfter(c);
                        return tooLong ? cut(start, Kind.TOO_LONG) : finish(start, fields, blank);
                    } else {
                        if (!tooLong) {
                            field.append((char) c);
                        }
                        blank &= Blanks.isBlank(c);
                        state = State.UNQUOTED;
                        if (!tooLong) {
                            blank = takeUnquotedRun(blank);
                        }
                    }
                }
                case QUOTED -> {
                    if (c == '"') {
                        int after = peek();
                        if (after == '"') {
                            read();
                            if (!tooLong) {
                                raw.append('"');
                                field.append('"');
                            }
                        } else {
                            state = State.AFTER_QUOTE;
                        }
                    } else if (!tooLong) {
                        field.append((char) c);
                    }
                }
                case AFTER_QUOTE -> {
                    if (c == ',') {
                        endField(fields, tooLong);
                        state = State.FIELD_START;
                    } else if (lineEnd) {
                        skipLineFeedAfter(c);
                        return tooLong ? cut(start, Kind.TOO_LONG) : finish(start, fields, false);
                    } else if (tooLong) {
                        // what a skipped record's quoting means no longer matters: read on to its line end
                        state = State.UNQUOTED;
                    } else {
                        return brokenQuoting(start);
                    }
                }
            }
        }
    }

    /**
     * Takes the rest of an unquoted field that is already in the buffer (up to a comma or a line end) at once: nearly
     * every field, so reading costs one pass over the characters rather than a call per character.
     */
    private boolean takeUnquotedRun(boolean blank) {
        if (pendingPosition < pending.length()) {
            return blank;
        }
        int end = position;
        while (end < limit) {
            char d = buffer[end];
            if (d == ',' || d == '\n' || d == '\r') {
                break;
            }
            end++;
        }
        int n = end - position;
        if (n == 0 || raw.length() + n > maxRecordChars) {
            return blank;
        }
        field.append(buffer, position, n);
        raw.append(buffer, position, n);
        for (int i = position; blank && i < end; i++) {
            blank = Blanks.isBlank(buffer[i]);
        }
        position = end;
        afterCarriageReturn = false;
        return blank;
    }

    private void endField(List<String> fields, boolean tooLong) {
        if (!tooLong) {
            fields.add(field.toString());
            field.setLength(0);
        }
    }

    private Record finish(long start, List<String> fields, boolean blank) {
        if (blank) {
            return new Record(start, Kind.BLANK, List.of(), "");
        }
        fields.add(field.toString());
        return new Record(start, Kind.FIELDS, fields, "");
    }

    /** Reports the record's first line, then reads again from the line after it. */
    private Record brokenQuoting(long start) throws IOException {
        int firstLineEnd = lineEnd(raw);
        String firstLine = raw.substring(0, firstLineEnd < 0 ? raw.length() : firstLineEnd);
        if (firstLineEnd < 0) {
            firstLine += restOfLine(textLimit - firstLine.length());
        } else {
            int next = firstLineEnd + (raw.charAt(firstLineEnd) == '\r' && firstLineEnd + 1 < raw.length()
                    && raw.charAt(firstLineEnd + 1) == '\n' ? 2 : 1);
            pending = raw.substring(next) + pending.substring(pendingPosition);
            pendingPosition = 0;
            line = start + 1;
            afterCarriageReturn = false;
        }
        return new Record(start, Kind.BROKEN_QUOTING, List.of(), cut(firstLine));
    }

    private Record cut(long start, Kind kind) {
        int end = lineEnd(raw);
        String text = end < 0 ? raw.toString() : raw.substring(0, end);
        return new Record(start, kind, List.of(), kind == Kind.TOO_LONG ? cut(text, TOO_LONG_TEXT) : cut(text));
    }

    private String cut(String text) {
        return cut(text, textLimit);
    }

    private static String cut(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }

    private static int lineEnd(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                return i;
            }
        }
        return -1;
    }

    /** Reads to the end of the line, keeping at most {@code keep} characters of it. */
    private String restOfLine(int keep) throws IOException {
        StringBuilder rest = new StringBuilder();
        int c;
        while ((c = read()) != EOF && c != '\n' && c != '\r') {
            if (rest.length() <= keep) {
                rest.append((char) c);
            }
        }
        skipLineFeedAfter(c);
        return rest.toString();
    }

    private void skipLineFeedAfter(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            read();
        }
    }

    private int peek() throws IOException {
        if (pendingPosition < pending.length()) {
            return pending.charAt(pendingPosition);
        }
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    private int read() throws IOException {
        int c;
        if (pendingPosition < pending.length()) {
            c = pending.charAt(pendingPosition++);
        } else {
            if (position == limit && !fill()) {
                return EOF;
            }
            c = buffer[position++];
        }
        if (c == '\n') {
            if (!afterCarriageReturn) {
                line++;
            }
            afterCarriageReturn = false;
        } else {
            afterCarriageReturn = c == '\r';
            if (afterCarriageReturn) {
                line++;
            }
        }
        return c;
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
