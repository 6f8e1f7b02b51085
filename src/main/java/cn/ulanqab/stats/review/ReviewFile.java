package cn.ulanqab.stats.review;

import cn.ulanqab.stats.catalog.Catalog;
import cn.ulanqab.stats.submission.RowReason;
import cn.ulanqab.stats.submission.SubmissionEncoding;
import cn.ulanqab.stats.submission.SubmittedNumber;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

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

    /** A review line that was not accepted. */
    public record Rejected(long line, String indicatorCode, String rawValue, RowReason reason, String message) {
    }

    public record Result(List<Review> reviews, List<Rejected> rejected, long rowsRead, String problem) {
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
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        List<Review> accepted = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        long rowsRead = 0;
        try (Reader reader = Files.newBufferedReader(file, encoding.charset())) {
            if (encoding.bom()) {
                reader.skip(1);
            }
            CSVParser parser = CSVParser.parse(reader, format);
            Map<String, Integer> columns = null;
            int headerSize = 0;
            long previousEnd = 0;
            for (CSVRecord record : parser) {
                long line = previousEnd + 1;
                previousEnd = parser.getCurrentLineNumber();
                if (columns == null) {
                    Map<String, Integer> found = header(record);
                    List<String> missing = COLUMNS.subList(0, 5).stream().filter(c -> !found.containsKey(c)).toList();
                    if (!missing.isEmpty()) {
                        return new Result(List.of(), List.of(), 0, "the header lacks " + String.join(", ", missing)
                                + ": the columns are " + String.join(", ", COLUMNS));
                    }
                    columns = found;
                    headerSize = record.size();
                    continue;
                }
                rowsRead++;
                Object outcome = check(record, line, columns, headerSize, catalog);
                if (outcome instanceof Review r) {
                    accepted.add(r);
                } else {
                    rejected.add((Rejected) outcome);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return new Result(List.of(), List.of(), 0, "cannot be read as CSV (" + e.getMessage() + "): save it as CSV UTF-8");
        }
        return settle(accepted, rejected, rowsRead);
    }

    private static Map<String, Integer> header(CSVRecord record) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < record.size(); i++) {
            columns.putIfAbsent(record.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT), i);
        }
        return columns;
    }

    private static Object check(CSVRecord record, long line, Map<String, Integer> columns, int headerSize, Catalog catalog) {
        String code = field(record, columns, "indicator_code");
        if (record.size() != headerSize) {
            return new Rejected(line, code, String.join(",", record.values()), RowReason.MALFORMED_ROW,
                    record.size() + " fields where the header has " + headerSize + ": quote any note that contains a comma");
        }
        if (catalog.find(code).isEmpty()) {
            return new Rejected(line, code, code, RowReason.UNKNOWN_INDICATOR, "indicator code '" + code + "' is not in the catalog");
        }
        String dispositionText = field(record, columns, "disposition");
        Optional<Disposition> disposition = parseDisposition(dispositionText);
        if (disposition.isEmpty()) {
            return new Rejected(line, code, dispositionText, RowReason.UNKNOWN_DISPOSITION,
                    "disposition '" + dispositionText + "' is not EXPLAINED, ACCEPTED or WILL_FIX");
        }
        String reviewer = field(record, columns, "reviewer");
        if (reviewer.isEmpty()) {
            return new Rejected(line, code, "", RowReason.MISSING_VALUE, "no reviewer: write who reviewed the finding");
        }
        String dateText = field(record, columns, "date");
        LocalDate date;
        try {
            date = LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            return new Rejected(line, code, dateText, RowReason.INVALID_DATE, "date '" + dateText + "' is not a date like 2024-03-01");
        }
        String totalText = field(record, columns, "city_total");
        BigDecimal total = null;
        if (!totalText.isEmpty()) {
            Optional<BigDecimal> parsed = SubmittedNumber.parse(totalText);
            if (parsed.isEmpty()) {
                return new Rejected(line, code, totalText, RowReason.NOT_A_NUMBER,
                        "city_total '" + totalText + "' is not a number: copy the city total the review was written against");
            }
            total = parsed.get();
        }
        String countiesText = field(record, columns, "counties_reported");
        Integer counties = null;
        if (!countiesText.isEmpty()) {
            Optional<BigDecimal> parsed = SubmittedNumber.parse(countiesText);
            if (parsed.isEmpty() || parsed.get().signum() < 0 || parsed.get().stripTrailingZeros().scale() > 0
                    || parsed.get().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                return new Rejected(line, code, countiesText, RowReason.NOT_A_NUMBER, "counties_reported '" + countiesText
                        + "' is not a whole number: copy the number of counties reported when the review was written");
            }
            counties = parsed.get().intValueExact();
        }
        String named = field(record, columns, "named_county");
        String region = field(record, columns, "region_code");
        return new Review(line, code, disposition.get(), field(record, columns, "note"), reviewer, date, total,
                region.isEmpty() ? null : region, counties, named.isEmpty() ? null : named);
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
                        "replaced by the later review on line " + winner.line()));
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

    private static String field(CSVRecord record, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        return i == null || i >= record.size() ? "" : record.get(i).strip();
    }
}
