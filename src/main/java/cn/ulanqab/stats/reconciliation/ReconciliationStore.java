package cn.ulanqab.stats.reconciliation;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.database.ChecksummedTable;
import cn.ulanqab.stats.published.ClaimKind;
import cn.ulanqab.stats.review.Disposition;
import cn.ulanqab.stats.review.Review;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The reconciliation lines of a run (level and change lines), in catalog order, each with its causes (one record per cause) and its review. */
@Repository
public class ReconciliationStore {

    private static final int BATCH = 5000;
    private static final ChecksummedTable LINES = new ChecksummedTable("RECONCILIATION", "RUN_ID", "SEQ", "INDICATOR_CODE",
            "NAME_ZH", "NAME_EN", "UNIT", "PUBLISHED_TEXT", "PUBLISHED_VALUE", "CLAIM", "CITY_TOTAL", "AS_PRINTED", "DIFFERENCE",
            "RELATIVE_DIFFERENCE", "STATUS", "COUNTIES_REPORTED", "MISSING_COUNTIES", "SECTION", "QUOTE", "REVIEW_LINE",
            "DISPOSITION", "REVIEW_NOTE", "REVIEWER", "REVIEW_DATE", "REVIEW_TOTAL", "REVIEW_COUNTIES", "REVIEW_NAMED_COUNTY",
            "REGION_CODE", "CLAIM_KIND", "BASE_TOTAL", "COMPUTED_CHANGE");
    private static final ChecksummedTable CAUSES = new ChecksummedTable("RECONCILIATION_CAUSE", "RUN_ID", "SEQ", "POS", "KIND",
            "COUNTY_CODE", "FILE_NAME", "LINE", "CODE", "RAW_TEXT", "REMARK", "VALUE_TEXT", "FACTOR", "CLOSING");

    private final JdbcTemplate jdbc;

    public ReconciliationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void replace(long runId, List<ReconciliationLine> lines) {
        jdbc.update("DELETE FROM RECONCILIATION_CAUSE WHERE RUN_ID = ?", runId);
        jdbc.update("DELETE FROM RECONCILIATION WHERE RUN_ID = ?", runId);
        List<Object[]> args = new ArrayList<>();
        List<Object[]> causeArgs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ReconciliationLine l = lines.get(i);
            Review r = l.review();
            args.add(LINES.record(runId, i, l.indicatorCode(), l.nameZh(), l.nameEn(), l.unit(), l.publishedText(),
                    text(l.publishedValue()), l.claim(), text(l.cityTotal()), l.asPrinted(), text(l.difference()),
                    text(l.relativeDifference()), l.status().name(), l.countiesReported(),
                    String.join(";", l.missingCounties()), l.section(), l.quote(),
                    r == null ? null : r.line(), r == null ? null : r.disposition().name(), r == null ? null : r.note(),
                    r == null ? null : r.reviewer(), r == null ? null : r.date(), r == null ? null : text(r.cityTotal()),
                    r == null ? null : r.countiesReported(), r == null ? null : r.namedCounty(), l.regionCode(),
                    l.claimKind().name(), text(l.baseTotal()), text(l.computedChange())));
            for (int p = 0; p < l.causes().size(); p++) {
                Cause c = l.causes().get(p);
                causeArgs.add(CAUSES.record(runId, i, p, c.kind().name(), c.county(), c.file(), c.line(), c.code(), c.raw(),
                        c.remark(), text(c.value()), text(c.factor()), text(c.closing())));
            }
            if (args.size() >= BATCH || causeArgs.size() >= BATCH) {
                insert(args, causeArgs);
            }
        }
        insert(args, causeArgs);
    }

    private void insert(List<Object[]> args, List<Object[]> causeArgs) {
        if (!args.isEmpty()) {
            jdbc.batchUpdate(LINES.insert(), args);
            args.clear();
        }
        if (!causeArgs.isEmpty()) {
            jdbc.batchUpdate(CAUSES.insert(), causeArgs);
            causeArgs.clear();
        }
    }

    public List<ReconciliationLine> lines(long runId) {
        Map<Integer, List<Cause>> causes = new HashMap<>();
        jdbc.query("SELECT SEQ, KIND, COUNTY_CODE, FILE_NAME, LINE, CODE, RAW_TEXT, REMARK, VALUE_TEXT, FACTOR, CLOSING, "
                        + CAUSES.checkedColumns() + " FROM RECONCILIATION_CAUSE WHERE RUN_ID = ? ORDER BY RUN_ID, SEQ, POS",
                rs -> {
                    CAUSES.check(rs, Detail.of("record.cause", rs.getInt("POS"), rs.getInt(1), runId));
                    causes.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(new Cause(Cause.Kind.valueOf(rs.getString(2)),
                            rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            number(rs.getString(9)), number(rs.getString(10)), number(rs.getString(11))));
                }, runId);
        return jdbc.query("SELECT INDICATOR_CODE, NAME_ZH, NAME_EN, UNIT, PUBLISHED_TEXT, PUBLISHED_VALUE, CLAIM, CITY_TOTAL,"
                        + " AS_PRINTED, DIFFERENCE, RELATIVE_DIFFERENCE, STATUS, COUNTIES_REPORTED, MISSING_COUNTIES, SEQ, SECTION, QUOTE,"
                        + " REVIEW_LINE, DISPOSITION, REVIEW_NOTE, REVIEWER, REVIEW_DATE, REVIEW_TOTAL, REGION_CODE,"
                        + " REVIEW_COUNTIES, REVIEW_NAMED_COUNTY, CLAIM_KIND, BASE_TOTAL, COMPUTED_CHANGE, " + LINES.checkedColumns()
                        + " FROM RECONCILIATION WHERE RUN_ID = ? ORDER BY RUN_ID, SEQ",
                (rs, i) -> line(rs, runId, causes), runId);
    }

    private static ReconciliationLine line(ResultSet rs, long runId, Map<Integer, List<Cause>> causes) throws SQLException {
        LINES.check(rs, Detail.of("record.reconciliation.line", rs.getInt(15), runId, rs.getString(1)));
        return new ReconciliationLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), number(rs.getString(6)), rs.getString(7), number(rs.getString(8)), rs.getString(9),
                        number(rs.getString(10)), number(rs.getString(11)), Status.valueOf(rs.getString(12)), rs.getInt(13),
                        rs.getString(14) == null || rs.getString(14).isEmpty() ? List.of() : Arrays.asList(rs.getString(14).split(";")),
                        causes.getOrDefault(rs.getInt(15), List.of()), rs.getString(16), rs.getString(17), review(rs),
                        rs.getString(24), rs.getString(27) == null ? ClaimKind.LEVEL : ClaimKind.valueOf(rs.getString(27)),
                        number(rs.getString(28)), number(rs.getString(29)));
    }

    private static Review review(ResultSet rs) throws SQLException {
        if (rs.getString(19) == null) {
            return null;
        }
        Object counties = rs.getObject(25);
        return new Review(rs.getLong(18), rs.getString(1), Disposition.valueOf(rs.getString(19)), rs.getString(20),
                rs.getString(21), rs.getObject(22, LocalDate.class), number(rs.getString(23)), rs.getString(24),
                counties == null ? null : ((Number) counties).intValue(), rs.getString(26));
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static BigDecimal number(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
