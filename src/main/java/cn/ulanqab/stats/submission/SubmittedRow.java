package cn.ulanqab.stats.submission;

import cn.ulanqab.stats.wording.Detail;

/**
 * One record read from a submission file, before validation. {@code malformed} is non-null when the
 * record could not be split into the header's columns; the fields are then whatever could be read.
 */
public record SubmittedRow(String file, String fileCountyCode, long line, String countyCode, String indicatorCode,
                           String period, String value, String unit, String remark, Detail malformed) {

    public static SubmittedRow malformed(String file, String fileCountyCode, long line, String rawText, Detail why) {
        return new SubmittedRow(file, fileCountyCode, line, "", "", "", rawText, "", "", why);
    }
}
