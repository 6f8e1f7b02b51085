package cn.ulanqab.stats.review;

import cn.ulanqab.stats.catalog.Catalog;
import cn.ulanqab.stats.submission.Blanks;
import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.submission.CsvRecords;
import cn.ulanqab.stats.submission.RowReason;
import cn.ulanqab.stats.submission.SubmissionReader;
import cn.ulanqab.stats.submission.SubmissionEncoding;
import cn.ulanqab.stats.submission.SubmittedNumber;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the reviewers' dispositions: {@code indicator_code, disposition, note, reviewer, date}, the optional basis
 * the review was written against ({@code city_total, counties_reported, named_county}), and an optional {@code region_code} (blank: the city of a one-city registry). Every row is accepted or rejected with a reason, like a submission row; when an
 * indicator is reviewed more than once, the latest review (by date, then line) stands and the others are DUPLICATE.
 */
public final class ReviewFile {

    public static final List<String> COLUMNS = List.of("indicator_code", "disposition", "note", "reviewer", "date", "city_total",
            "counties_reported", "named_county", "region_code");

    /** The longest note, reviewer and region kept: what the run's columns hold (REVIEW_NOTE, REVIEWER, REGION_CODE). */
    static final int NOTE_LIMIT = 2000;
    static final int REVIEWER_LIMIT = 200;
    static final int REGION_LIMIT = 12;
    /** How much of a rejected line's text is kept. */
    static final int SHOWN = 100;

    /** A review line that was not accepted. */
    public record Rejected(long line, String indicatorCode, String rawValue, RowReason reason, Detail message) {
    }

    public record Result(List<Review> reviews, List<Rejected> rejected, long rowsRead, Detail problem) {
        public static Result none() {
            return new Result(List.of(), List.of(), 0, null);
        }
    }

    private ReviewFile() {
    }

    public static Path of(Path input, String period) {
        return input.resolve("reviews").resolve(period + ".csv");
    }

    public static Result read(Path file, Catalog catalog) {
        if (!Files.isRegularFile(file)) {
            return Result.none();
        }
        SubmissionEncoding.Detected encoding;
        try {
            encoding = SubmissionEncoding.detect(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!encoding.readable()) {
            return new Result(List.of(), List.of(), 0, encoding.problem());
        }
        List<Review> accepted = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        long rowsRead = 0;
        try (Reader reader = Files.newBufferedReader(file, encoding.charset());
             CsvRecords records = new CsvRecords(reader, SubmissionReader.MAX_RECORD, SHOWN)) {
            if (encoding.bom()) {
                reader.skip(1);
            }
            Map<String, Integer> columns = null;
            int headerSize = 0;
            for (CsvRecords.Record record = records.next(); record != null; record = records.next()) {
                if (record.kind() == CsvRecords.Kind.BLANK) {
                    continue;
                }
                if (columns == null) {
                    if (record.kind() != CsvRecords.Kind.FIELDS) {
                        return new Result(List.of(), List.of(), 0, Detail.of("review.file.header", record.line(),
                                String.join(",", COLUMNS)));
                    }
                    Map<String, Integer> found = header(record.fields());
                    List<String> missing = COLUMNS.subList(0, 5).stream().filter(c -> !found.containsKey(c)).toList();
                    if (!missing.isEmpty()) {
                        return new Result(List.of(), List.of(), 0, Detail.of("review.file.lacks", String.join(", ", missing),
                                String.join(", ", COLUMNS)));
                    }
                    columns = found;
                    headerSize = record.fields().size();
                    continue;
                }
                rowsRead++;
                Object outcome = record.kind() == CsvRecords.Kind.FIELDS ? check(record.fields(), record.line(), columns, headerSize, catalog)
                        : unsplit(record);
                if (outcome instanceof Review r) {
                    accepted.add(r);
                } else {
                    rejected.add((Rejected) outcome);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return new Result(List.of(), List.of(), 0, Detail.of("review.file.cannot.read", e.getMessage()));
        }
        return settle(accepted, rejected, rowsRead);
    }

    private static Rejected unsplit(CsvRecords.Record record) {
        Detail why = switch (record.kind()) {
            case TOO_LONG -> Detail.of("review.too.long", grouped(NOTE_LIMIT));
            case UNCLOSED_QUOTE -> Detail.of("review.unclosed.quote");
            default -> Detail.of("review.broken.quoting");
        };
        return new Rejected(record.line(), "", record.text(), RowReason.MALFORMED_ROW, why);
    }

    private static Map<String, Integer> header(List<String> fields) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            columns.putIfAbsent(Blanks.trim(fields.get(i).replace("\uFEFF", "")).toLowerCase(Locale.ROOT), i);
        }
        return columns;
    }

    private static Object check(List<String> fields, long line, Map<String, Integer> columns, int headerSize, Catalog catalog) {
        String code = field(fields, columns, "indicator_code");
        if (fields.size() != headerSize) {
            return new Rejected(line, shown(code), shown(String.join(",", fields)), RowReason.MALFORMED_ROW,
                    Detail.of("review.field.count", fields.size(), headerSize));
        }
        if (catalog.find(code).isEmpty()) {
            return new Rejected(line, shown(code), shown(code), RowReason.UNKNOWN_INDICATOR,
                    Detail.of("review.unknown.indicator", shown(code)));
        }
        String dispositionText = field(fields, columns, "disposition");
        Optional<Disposition> disposition = parseDisposition(dispositionText);
        if (disposition.isEmpty()) {
            return new Rejected(line, code, shown(dispositionText), RowReason.UNKNOWN_DISPOSITION,
                    Detail.of("review.disposition", shown(dispositionText)));
        }
        String reviewer = field(fields, columns, "reviewer");
        if (reviewer.isEmpty()) {
            return new Rejected(line, code, "", RowReason.MISSING_VALUE, Detail.of("review.no.reviewer"));
        }
        String dateText = field(fields, columns, "date");
        LocalDate date;
        try {
            date = LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            return new Rejected(line, code, shown(dateText), RowReason.INVALID_DATE, Detail.of("review.date", shown(dateText)));
        }
        String totalText = field(fields, columns, "city_total");
        BigDecimal total = null;
        if (!totalText.isEmpty()) {
            Optional<BigDecimal> parsed = SubmittedNumber.parse(totalText);
            if (parsed.isEmpty()) {
                return new Rejected(line, code, shown(totalText), RowReason.NOT_A_NUMBER, SubmittedNumber.tooLong(totalText)
                        ? Detail.of("review.total.too.long", shown(totalText), SubmittedNumber.MAX_LENGTH)
                        : Detail.of("review.total", shown(totalText)));
            }
            total = parsed.get();
        }
        String note = field(fields, columns, "note");
        if (note.length() > NOTE_LIMIT) {
            return tooLong(line, code, "note", note, NOTE_LIMIT);
        }
        if (reviewer.length() > REVIEWER_LIMIT) {
            return tooLong(line, code, "reviewer", reviewer, REVIEWER_LIMIT);
        }
        String region = field(fields, columns, "region_code");
        if (region.length() > REGION_LIMIT) {
            return tooLong(line, code, "region_code", region, REGION_LIMIT);
        }
        String countiesText = field(fields, columns, "counties_reported");
        Integer counties = null;
        if (!countiesText.isEmpty()) {
            Optional<BigDecimal> parsed = SubmittedNumber.parse(countiesText);
            if (parsed.isEmpty() || parsed.get().signum() < 0 || parsed.get().stripTrailingZeros().scale() > 0
                    || parsed.get().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                return new Rejected(line, code, shown(countiesText), RowReason.NOT_A_NUMBER,
                        Detail.of("review.counties", shown(countiesText)));
            }
            counties = parsed.get().intValueExact();
        }
        String named = field(fields, columns, "named_county");
        if (named.length() > REGION_LIMIT) {
            return tooLong(line, code, "named_county", named, REGION_LIMIT);
        }
        return new Review(line, code, disposition.get(), note, reviewer, date, total, region.isEmpty() ? null : region,
                counties, named.isEmpty() ? null : named);
    }

    /** A field longer than its column: the message names the column, its length and limit, and the column's own fix. */
    private static Rejected tooLong(long line, String code, String column, String text, int limit) {
        return new Rejected(line, code, shown(text), RowReason.FIELD_TOO_LONG,
                Detail.of("review.too.long." + column, grouped(text.length()), grouped(limit)));
    }

    /** A text of the file cut to {@value #SHOWN} characters, to show it in a message or keep it as the raw value. */
    private static String shown(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN - 1) + "…";
    }

    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static Result settle(List<Review> accepted, List<Rejected> rejected, long rowsRead) {
        Map<String, Review> latest = new LinkedHashMap<>();
        for (Review r : accepted) {
            latest.merge(key(r), r, (a, b) -> b.date().isAfter(a.date()) || !b.date().isBefore(a.date()) && b.line() > a.line() ? b : a);
        }
        List<Review> kept = new ArrayList<>();
        List<Rejected> allRejected = new ArrayList<>(rejected);
        for (Review r : accepted) {
            Review winner = latest.get(key(r));
            if (winner == r) {
                kept.add(r);
            } else {
                allRejected.add(new Rejected(r.line(), r.indicatorCode(), r.disposition().name(), RowReason.DUPLICATE,
                        Detail.of("review.replaced", winner.line())));
            }
        }
        allRejected.sort((a, b) -> Long.compare(a.line(), b.line()));
        return new Result(kept, allRejected, rowsRead, null);
    }

    /** Reviews of the same indicator and region replace one another; a blank region is the one city. */
    private static String key(Review r) {
        return r.indicatorCode() + "\u0000" + (r.regionCode() == null ? "" : r.regionCode());
    }

    private static Optional<Disposition> parseDisposition(String text) {
        try {
            return Optional.of(Disposition.valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String field(List<String> fields, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        return i == null || i >= fields.size() ? "" : Blanks.trim(fields.get(i));
    }
}
