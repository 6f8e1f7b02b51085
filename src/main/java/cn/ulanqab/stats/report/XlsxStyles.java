package cn.ulanqab.stats.report;

import java.util.HexFormat;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;

import java.util.HashMap;
import java.util.Map;

/**
 * The workbook's styles, created once and shared by every sheet: the header, wrapped text, the note of a cut sheet,
 * one number format per count of decimals (with thousands separators) and one fill per status colour.
 */
final class XlsxStyles {

    /** The fill of a status token, as Excel's conditional-format presets colour good, bad and neutral. */
    enum Colour {
        GOOD("C6EFCE"), BAD("FFC7CE"), WARNING("FFEB9C"), MUTED("E7E6E6"), INFO("DDEBF7");

        private final byte[] rgb;

        Colour(String hex) {
            rgb = HexFormat.of().parseHex(hex);
        }
    }

    private final StreamedWorkbook workbook;
    private final DataFormat formats;
    private final CellStyle header;
    private final CellStyle wrapped;
    private final CellStyle note;
    private final Map<Integer, CellStyle> numbers = new HashMap<>();
    private final Map<Colour, CellStyle> fills = new HashMap<>();

    XlsxStyles(StreamedWorkbook workbook) {
        this.workbook = workbook;
        this.formats = workbook.createDataFormat();
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.TOP);
        header.setBorderBottom(BorderStyle.THIN);
        wrapped = workbook.createCellStyle();
        wrapped.setWrapText(true);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        Font italic = workbook.createFont();
        italic.setItalic(true);
        note = workbook.createCellStyle();
        note.setFont(italic);
    }

    CellStyle header() {
        return header;
    }

    /** Long texts (hints, quotes, messages, notes): wrapped within the column's width, aligned to the top. */
    CellStyle wrapped() {
        return wrapped;
    }

    CellStyle note() {
        return note;
    }

    /** {@code #,##0} for whole numbers, {@code #,##0.0…} with exactly as many decimals as the figure has. */
    CellStyle number(int decimals) {
        return numbers.computeIfAbsent(decimals, d -> {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(formats.getFormat(d == 0 ? "#,##0" : "#,##0." + "0".repeat(d)));
            style.setVerticalAlignment(VerticalAlignment.TOP);
            return style;
        });
    }

    /** A solid fill of this colour (null: no style). */
    CellStyle fill(Colour colour) {
        if (colour == null) {
            return null;
        }
        return fills.computeIfAbsent(colour, c -> {
            XSSFCellStyle style = (XSSFCellStyle) workbook.createCellStyle();
            style.setFillForegroundColor(new XSSFColor(c.rgb, null));
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            return style;
        });
    }
}
