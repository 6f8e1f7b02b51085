package cn.ulanqab.stats.reconciliation;

import cn.ulanqab.stats.review.Disposition;
import cn.ulanqab.stats.review.Review;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The reconciliation lines of a run, in catalog order. */
@Repository
public class ReconciliationStore {

    private final JdbcTemplate jdbc;

    public ReconciliationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void replace(long runId, List<ReconciliationLine> lines) {
        jdbc.update("DELETE FROM RECONCILIATION WHERE RUN_ID = ?", runId);
        List<Object[]> args = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ReconciliationLine l = lines.get(i);
            Review r = l.review();
            args.add(new Object[]{runId, i, l.indicatorCode(), l.nameZh(), l.nameEn(), l.unit(), l.publishedText(),
                    text(l.publishedValue()), l.claim(), text(l.cityTotal()), l.asPrinted(), text(l.difference()),
                    text(l.relativeDifference()), l.status().name(), l.countiesReported(),
                    String.join(";", l.missingCounties()), cut(l.hint()), l.section(), l.quote(),
                    r == null ? null : r.line(), r == null ? null : r.disposition().name(), r == null ? null : r.note(),
                    r == null ? null : r.reviewer(), r == null ? null : r.date(), r == null ? null : text(r.cityTotal()),
                    l.regionCode()});
            if (args.size() == 5000) {
                insert(args);
                args.clear();
            }
        }
        insert(args);
    }

    private void insert(List<Object[]> args) {
        if (args.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO RECONCILIATION (RUN_ID, SEQ, INDICATOR_CODE, NAME_ZH, NAME_EN, UNIT, PUBLISHED_TEXT,"
                + " PUBLISHED_VALUE, CLAIM, CITY_TOTAL, AS_PRINTED, DIFFERENCE, RELATIVE_DIFFERENCE, STATUS, COUNTIES_REPORTED,"
                + " MISSING_COUNTIES, HINT, SECTION, QUOTE, REVIEW_LINE, DISPOSITION, REVIEW_NOTE, REVIEWER, REVIEW_DATE, REVIEW_TOTAL,"
                + " REGION_CODE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args);
    }

    public List<ReconciliationLine> lines(long runId) {
        return jdbc.query("SELECT INDICATOR_CODE, NAME_ZH, NAME_EN, UNIT, PUBLISHED_TEXT, PUBLISHED_VALUE, CLAIM, CITY_TOTAL,"
                        + " AS_PRINTED, DIFFERENCE, RELATIVE_DIFFERENCE, STATUS, COUNTIES_REPORTED, MISSING_COUNTIES, HINT, SECTION, QUOTE,"
                        + " REVIEW_LINE, DISPOSITION, REVIEW_NOTE, REVIEWER, REVIEW_DATE, REVIEW_TOTAL, REGION_CODE"
                        + " FROM RECONCILIATION WHERE RUN_ID = ? ORDER BY RUN_ID, SEQ",
                (rs, i) -> new ReconciliationLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), number(rs.getString(6)), rs.getString(7), number(rs.getString(8)), rs.getString(9),
                        number(rs.getString(10)), number(rs.getString(11)), Status.valueOf(rs.getString(12)), rs.getInt(13),
                        rs.getString(14) == null || rs.getString(14).isEmpty() ? List.of() : Arrays.asList(rs.getString(14).split(";")),
                        rs.getString(15), rs.getString(16), rs.getString(17),
                        rs.getString(19) == null ? null : new Review(rs.getLong(18), rs.getString(1),
                                Disposition.valueOf(rs.getString(19)), rs.getString(20), rs.getString(21),
                                rs.getObject(22, LocalDate.class), number(rs.getString(23)), rs.getString(24)),
                        rs.getString(24)), runId);
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static BigDecimal number(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    private static String cut(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }
}
