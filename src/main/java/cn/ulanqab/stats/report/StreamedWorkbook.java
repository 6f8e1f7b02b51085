package cn.ulanqab.stats.report;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A streamed workbook (SXSSF: only a window of rows is held in memory, the rest goes to temporary files) whose
 * bytes depend on its content only: the document's creation date and every zip entry's time are fixed, and a
 * number is stored as its exact decimal text (as in the CSVs) rather than through a double.
 */
final class StreamedWorkbook extends SXSSFWorkbook {

    /** The fixed date of the document properties: a run's clock time would make two identical runs differ. */
    static final Date DOCUMENT_DATE = Date.from(LocalDateTime.of(2000, 1, 1, 0, 0).toInstant(ZoneOffset.UTC));
    /** Rows kept in memory per sheet before they are flushed to the sheet's temporary file. */
    private static final int ROWS_IN_MEMORY = 200;

    /** The exact decimal of each numeric cell not yet flushed; a cell is forgotten once written. */
    private final Map<Cell, String> exactNumbers = new IdentityHashMap<>();

    StreamedWorkbook() {
        super(new XSSFWorkbook(), ROWS_IN_MEMORY);
        var core = getXSSFWorkbook().getProperties().getCoreProperties();
        core.setCreated(Optional.of(DOCUMENT_DATE));
        core.setModified(Optional.of(DOCUMENT_DATE));
    }

    /**
     * Makes a cell numeric with this value; the file holds {@code value.toPlainString()}. The cell is made numeric with a
     * placeholder 0, never the figure itself, which reaches the file only as its exact text.
     */
    void setExactNumber(Cell cell, BigDecimal value) {
        cell.setCellValue(0);
        exactNumbers.put(cell, value.toPlainString());
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        return new SheetDataWriter() {
            @Override
            protected OutputStream decorateOutputStream(FileOutputStream fos) throws IOException {
                // compressed temporary files: a sheet of a million rows stays small on disk
                return new GZIPOutputStream(fos);
            }

            @Override
            protected InputStream decorateInputStream(FileInputStream fis) throws IOException {
                return new GZIPInputStream(fis);
            }

            @Override
            public void writeCell(int columnIndex, Cell cell) throws IOException {
                String exact = cell != null && cell.getCellType() == CellType.NUMERIC ? exactNumbers.remove(cell) : null;
                if (exact == null) {
                    super.writeCell(columnIndex, cell);
                    return;
                }
                _out.write("<c r=\"");
                _out.write(new CellReference(cell.getRowIndex(), columnIndex).formatAsString(false));
                _out.write('"');
                if (cell.getCellStyle().getIndex() != 0) {
                    _out.write(" s=\"" + cell.getCellStyle().getIndex() + "\"");
                }
                _out.write(" t=\"n\"><v>");
                _out.write(exact);
                _out.write("</v></c>");
            }
        };
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
        // DOS zip times are local times: the same local date gives the same bytes in every time zone
        long fixed = LocalDateTime.of(2000, 1, 1, 0, 0).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out) {
            @Override
            public void putArchiveEntry(ZipArchiveEntry entry) throws IOException {
                entry.setTime(fixed);
                super.putArchiveEntry(entry);
            }
        };
        zip.setUseZip64(zip64Mode);
        return zip;
    }
}
