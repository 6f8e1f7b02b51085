package cn.ulanqab.stats.submission;

import java.util.Locale;
import java.util.Optional;

/** The columns of a submission, found by their English or Chinese name, case and surrounding blanks ignored. */
public enum SubmissionColumn {
    COUNTY_CODE("county_code", "区划代码", true),
    INDICATOR_CODE("indicator_code", "指标代码", true),
    PERIOD("period", "统计期", true),
    VALUE("value", "数值", true),
    UNIT("unit", "计量单位", false),
    REMARK("remark", "备注", false);

    private final String english;
    private final String chinese;
    private final boolean required;

    SubmissionColumn(String english, String chinese, boolean required) {
        this.english = english;
        this.chinese = chinese;
        this.required = required;
    }

    public boolean required() {
        return required;
    }

    public String label() {
        return english + " (" + chinese + ")";
    }

    public static Optional<SubmissionColumn> byHeader(String header) {
        String name = header.strip().toLowerCase(Locale.ROOT);
        for (SubmissionColumn c : values()) {
            if (c.english.equals(name) || c.chinese.equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
