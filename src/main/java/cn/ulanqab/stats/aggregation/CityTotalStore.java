package cn.ulanqab.stats.aggregation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The city totals of a run, between aggregation and reconciliation. */
@Repository
public class CityTotalStore {

    private final JdbcTemplate jdbc;

    public CityTotalStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void replace(long runId, List<CityTotal> totals) {
        jdbc.update("DELETE FROM CITY_TOTAL WHERE RUN_ID = ?", runId);
        jdbc.batchUpdate("INSERT INTO CITY_TOTAL (RUN_ID, INDICATOR_CODE, TOTAL_TEXT, REPORTED, MISSING, COMPLETE, NO_DATA, NOTE)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", totals.stream().map(t -> new Object[]{runId, t.indicatorCode(),
                t.total() == null ? null : t.total().toPlainString(), String.join(";", t.reported()),
                String.join(";", t.missing()), t.complete(), t.noData(), t.note()}).toList());
    }

    public Map<String, CityTotal> totals(long runId) {
        Map<String, CityTotal> totals = new HashMap<>();
        jdbc.query("SELECT INDICATOR_CODE, TOTAL_TEXT, REPORTED, MISSING, COMPLETE, NO_DATA, NOTE FROM CITY_TOTAL WHERE RUN_ID = ?",
                rs -> {
                    totals.put(rs.getString(1), new CityTotal(rs.getString(1),
                            rs.getString(2) == null ? null : new BigDecimal(rs.getString(2)), codes(rs.getString(3)),
                            codes(rs.getString(4)), rs.getBoolean(5), rs.getBoolean(6), rs.getString(7)));
                }, runId);
        return totals;
    }

    private static List<String> codes(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(";"));
    }
}
