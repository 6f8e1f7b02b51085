package cn.ulanqab.stats.report;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends rows to one sheet of the workbook: first a hidden row of the contract's column names (what a program
 * reading the sheet matches), then the header a person reads, bold, frozen and filtered; then the rows, at most
 * {@code maxRows} in all. A row beyond that is counted, not written, and the sheet's last row says how many were cut.
 */
final class XlsxSheet {

    /** Widest column, in characters (a CJK character counts as 2); longer texts are cut off visually, not in the cell. */
    static final int MAX_WIDTH = 60;
    private static final int MIN_WIDTH = 6;
    private static final int CELL_LIMIT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    /** The rows above the data: the hidden row of column names and the header. */
    static final int HEADER_ROWS = 2;

    /** A cell value with its own style (a status colour), or wrapped text. */
    record Styled(Object value, CellStyle style) {
    }

    private final StreamedWorkbook workbook;
    private final Sheet sheet;
    private final XlsxStyles styles;
    private final int maxRows;
    private final List<Integer> widths = new ArrayList<>();
    private int next;
    private long cut;

    XlsxSheet(StreamedWorkbook workbook, String name, XlsxStyles styles, int maxRows) {
        this.workbook = workbook;
        this.sheet = workbook.createSheet(name);
        this.styles = styles;
        this.maxRows = maxRows;
    }

    /** The hidden row of the contract's names and the visible header in the report's language. */
    void header(List<String> columnNames, List<String> headings) {
        Row names = sheet.createRow(next++);
        names.setZeroHeight(true);
        for (int c = 0; c < columnNames.size(); c++) {
            names.createCell(c).setCellValue(columnNames.get(c));
        }
        Row header = sheet.createRow(next++);
        for (int c = 0; c < headings.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(headings.get(c));
            cell.setCellStyle(styles.header());
            measure(c, displayWidth(headings.get(c)) + 2); // room for the filter button
        }
    }

    /** Whether the sheet still has room for a data row (the last row is kept for the note of a cut sheet). */
    boolean full() {
        return next >= maxRows - 1;
    }

    /**
     * Writes a row of values (String, BigDecimal, Long, Integer or {@link Styled}; null leaves the cell empty). A
     * number is stored exactly as given, with as many decimals in its format as it has.
     */
    void row(Object... values) {
        if (full()) {
            cut++;
            return;
        }
        Row row = sheet.createRow(next++);
        for (int c = 0; c < values.length; c++) {
            Object value = values[c];
            CellStyle style = null;
            if (value instanceof Styled styled) {
                value = styled.value();
                style = styled.style();
            }
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (value instanceof String whole) {
                // a cell holds at most 32,767 characters (a remark may be longer): the CSVs keep it whole
                String text = whole.length() <= CELL_LIMIT ? whole : whole.substring(0, CELL_LIMIT - 1) + "…";
                // setCellValue(String) makes a STRING cell: '=HYPERLINK(…)' stays text, never a formula
                cell.setCellValue(text);
                measure(c, displayWidth(text));
                if (style != null) {
                    cell.setCellStyle(style);
                }
            } else {
                BigDecimal number;
                if (value instanceof BigDecimal d) {
                    number = d;
                } else if (value instanceof Long l) {
                    number = BigDecimal.valueOf(l);
                } else if (value instanceof Integer i) {
                    number = BigDecimal.valueOf(i);
                } else {
                    throw new IllegalArgumentException("not a cell value: " + value.getClass());
                }
                BigDecimal shown = number.scale() < 0 ? number.setScale(0) : number;
                workbook.setExactNumber(cell, shown);
                cell.setCellStyle(styles.number(shown.scale()));
                String text = shown.toPlainString();
                measure(c, text.length() + text.length() / 3);
            }
        }
    }

    /** Whether rows were left out because the sheet was full. */
    boolean wasCut() {
        return cut > 0;
    }

    /** The data rows written (below the two header rows). */
    long dataRows() {
        return next - HEADER_ROWS;
    }

    /**
     * Freezes the two header rows, filters the header and the rows, sets the widths from the content (no AWT font
     * metrics needed); a cut sheet gets its note in the last row.
     */
    void finish(String cutNote) {
        int lastDataRow = next - 1;
        if (cut > 0) {
            Row note = sheet.createRow(next++);
            Cell cell = note.createCell(0);
            cell.setCellValue(cutNote);
            cell.setCellStyle(styles.note());
        }
        sheet.createFreezePane(0, HEADER_ROWS);
        int lastColumn = Math.max(0, widths.size() - 1);
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROWS - 1, Math.max(HEADER_ROWS - 1, lastDataRow), 0, lastColumn));
        for (int c = 0; c <= lastColumn && c < widths.size(); c++) {
            sheet.setColumnWidth(c, (Math.min(MAX_WIDTH, widths.get(c)) + 1) * 256);
        }
    }

    private void measure(int column, int width) {
        while (widths.size() <= column) {
            widths.add(MIN_WIDTH);
        }
        widths.set(column, Math.max(widths.get(column), width));
    }

    /** Display width of a text in characters, a CJK (wide) character counting as 2. */
    static int displayWidth(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += isWide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }

    private static boolean isWide(int cp) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.GENERAL_PUNCTUATION && (cp == 0x201C || cp == 0x201D);
    }
}
