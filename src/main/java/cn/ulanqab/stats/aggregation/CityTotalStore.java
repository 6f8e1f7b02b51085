package cn.ulanqab.stats.aggregation;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.database.ChecksummedTable;
import cn.ulanqab.stats.published.FigureKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The region totals of a run (table CITY_TOTAL, one row per indicator and region), between aggregation and reconciliation. */
@Repository
public class CityTotalStore {

    private static final int BATCH = 5000;
    private static final ChecksummedTable TOTALS = new ChecksummedTable("CITY_TOTAL", "RUN_ID", "INDICATOR_CODE", "REGION_CODE",
            "TOTAL_TEXT", "REPORTED", "MISSING", "COMPLETE", "NO_DATA", "NOTE");

    private final JdbcTemplate jdbc;

    public CityTotalStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void replace(long runId, List<CityTotal> totals) {
        jdbc.update("DELETE FROM CITY_TOTAL WHERE RUN_ID = ?", runId);
        List<Object[]> args = new ArrayList<>();
        for (CityTotal t : totals) {
            args.add(TOTALS.record(runId, t.indicatorCode(), t.regionCode() == null ? "" : t.regionCode(),
                    t.total() == null ? null : t.total().toPlainString(), String.join(";", t.reported()),
                    String.join(";", t.missing()), t.complete(), t.noData(), t.note()));
            if (args.size() == BATCH) {
                insert(args);
                args.clear();
            }
        }
        insert(args);
    }

    private void insert(List<Object[]> args) {
        if (!args.isEmpty()) {
            jdbc.batchUpdate(TOTALS.insert(), args);
        }
    }

    public Map<FigureKey, CityTotal> totals(long runId) {
        Map<FigureKey, CityTotal> totals = new HashMap<>();
        jdbc.query("SELECT INDICATOR_CODE, REGION_CODE, TOTAL_TEXT, REPORTED, MISSING, COMPLETE, NO_DATA, NOTE, "
                        + TOTALS.checkedColumns() + " FROM CITY_TOTAL WHERE RUN_ID = ?",
                rs -> {
                    TOTALS.check(rs, Detail.of("record.city.total", runId, rs.getString(1), rs.getString(2)));
                    CityTotal t = new CityTotal(rs.getString(1),
                            rs.getString(3) == null ? null : new BigDecimal(rs.getString(3)), codes(rs.getString(4)),
                            codes(rs.getString(5)), rs.getBoolean(6), rs.getBoolean(7), rs.getString(8), rs.getString(2));
                    totals.put(new FigureKey(t.indicatorCode(), t.regionCode()), t);
                }, runId);
        return totals;
    }

    private static List<String> codes(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(";"));
    }
}
