package cn.ulanqab.stats.catalog;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.ConfigurationException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a run is about: a year ({@code 2023}), a month ({@code 2024-06}) or a quarter ({@code 2024-Q2}). A month
 * or quarter folder holds each county's figures cumulated from January, so a month or quarter is also a count of the
 * year's months: MM, or 3n for the n-th quarter (12 for a year).
 *
 * @param year    the calendar year
 * @param month   1–12 for a month, 0 otherwise
 * @param quarter 1–4 for a quarter, 0 otherwise
 */
public record Period(int year, int month, int quarter) {

    private static final Pattern FORM = Pattern.compile("([0-9]{4})(?:-(?:([0-9]{2})|Q([0-9])))?");
    private static final Detail FIX = Detail.of("fix.period");

    public Period {
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("year " + year + " is not four digits");
        }
        if (month < 0 || month > 12 || quarter < 0 || quarter > 4 || month > 0 && quarter > 0) {
            throw new IllegalArgumentException("month " + month + ", quarter " + quarter + " is not a period");
        }
    }

    /**
     * Reads {@code YYYY}, {@code YYYY-MM} (01–12) or {@code YYYY-Qn} (1–4).
     *
     * @throws ConfigurationException for anything else (exit status 2), saying what a period looks like
     */
    public static Period parse(String text) {
        String value = text == null ? "" : text.strip();
        Matcher m = FORM.matcher(value);
        if (!m.matches()) {
            throw ConfigurationException.of(null, Detail.of("config.period.form", value), FIX);
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw ConfigurationException.of("--period=" + value, Detail.of("config.period.month", m.group(2)), FIX);
            }
            return new Period(year, month, 0);
        }
        if (m.group(3) != null) {
            int quarter = Integer.parseInt(m.group(3));
            if (quarter < 1 || quarter > 4) {
                throw ConfigurationException.of("--period=" + value, Detail.of("config.period.quarter", quarter), FIX);
            }
            return new Period(year, 0, quarter);
        }
        return new Period(year, 0, 0);
    }

    public static Period ofYear(int year) {
        return new Period(year, 0, 0);
    }

    /** The same period of the year before: 2023 → 2022, 2024-06 → 2023-06, 2024-Q2 → 2023-Q2. */
    public Period previous() {
        return new Period(year - 1, month, quarter);
    }

    /** The whole year this period belongs to (2024 for 2024-06). */
    public Period wholeYear() {
        return ofYear(year);
    }

    public boolean isYear() {
        return month == 0 && quarter == 0;
    }

    public boolean isMonth() {
        return month > 0;
    }

    public boolean isQuarter() {
        return quarter > 0;
    }

    /** How many months of the year the period's cumulative figures cover: MM for a month, 3n for a quarter, 12 for a year. */
    public int months() {
        return isMonth() ? month : isQuarter() ? 3 * quarter : 12;
    }

    /** The period as written on the command line and in folder and file names: 2023, 2024-06, 2024-Q2. */
    public String label() {
        String y = String.format(Locale.ROOT, "%04d", year);
        return isMonth() ? y + "-" + String.format(Locale.ROOT, "%02d", month) : isQuarter() ? y + "-Q" + quarter : y;
    }

    @Override
    public String toString() {
        return label();
    }
}
