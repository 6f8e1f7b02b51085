package cn.ulanqab.stats.review;

import cn.ulanqab.stats.report.Wording;
import cn.ulanqab.stats.wording.Detail;
import org.assertj.core.groups.Tuple;
import cn.ulanqab.stats.catalog.Catalog;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.submission.RowReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewFileTest {

    static final Catalog CATALOG = ReferenceData.load(Path.of("input/reference")).catalog();

    @TempDir
    Path dir;

    @Test
    void readsEveryDispositionWithItsTotal() throws IOException {
        ReviewFile.Result result = read("""
                indicator_code,disposition,note,reviewer,date,city_total
                CO2_REDUCTION,explained,单位填错,王芳,2024-03-01,"1,712,475.1"
                URBAN_NEW_JOBS,WILL_FIX,,李强,2024-03-02,
                """);
        assertThat(result.rejected()).isEmpty();
        assertThat(result.reviews()).containsExactly(
                new Review(2, "CO2_REDUCTION", Disposition.EXPLAINED, "单位填错", "王芳", LocalDate.of(2024, 3, 1), new BigDecimal("1712475.1")),
                new Review(3, "URBAN_NEW_JOBS", Disposition.WILL_FIX, "", "李强", LocalDate.of(2024, 3, 2), null));
    }

    @Test
    void rejectsBadLinesWithAReasonLikeSubmissionRows() throws IOException {
        ReviewFile.Result result = read("""
                indicator_code,disposition,note,reviewer,date,city_total
                GDP,EXPLAINED,x,王芳,2024-03-01,
                MEAT_OUTPUT,MAYBE,x,王芳,2024-03-01,
                MILK_OUTPUT,EXPLAINED,x,王芳,2024/03/01,
                CO2_REDUCTION,EXPLAINED,x,,2024-03-01,
                POCKET_PARKS,EXPLAINED,x,王芳,2024-03-01,七
                NEW_HOSPITAL_BEDS,EXPLAINED,a, b,王芳,2024-03-01,
                """);
        assertThat(result.reviews()).isEmpty();
        assertThat(result.rowsRead()).isEqualTo(6);
        assertThat(result.rejected()).extracting(ReviewFile.Rejected::reason).containsExactly(RowReason.UNKNOWN_INDICATOR,
                RowReason.UNKNOWN_DISPOSITION, RowReason.INVALID_DATE, RowReason.MISSING_VALUE, RowReason.NOT_A_NUMBER,
                RowReason.MALFORMED_ROW);
    }

    @Test
    void aFieldLongerThanItsColumnIsARejectedLineWithTheLimitAndTheFix() throws IOException {
        String note2000 = "核".repeat(2000);
        ReviewFile.Result result = read("indicator_code,disposition,note,reviewer,date,city_total\n"
                + "CO2_REDUCTION,EXPLAINED," + "说".repeat(2001) + ",王芳,2024-03-01,\n"
                + "URBAN_NEW_JOBS,EXPLAINED," + note2000 + ",王芳,2024-03-01,\n"
                + "POCKET_PARKS,EXPLAINED,x," + "王".repeat(201) + ",2024-03-01,\n"
                + "NEW_HOSPITAL_BEDS,EXPLAINED,x,王芳,2024-03-01," + "9".repeat(150) + "\n"
                + "MEAT_OUTPUT,EXPLAINED,x,王芳,2024-03-01,,\u00A0" + "1".repeat(300) + "\n");

        assertThat(result.rowsRead()).isEqualTo(5);
        assertThat(result.reviews()).singleElement().satisfies(r -> assertThat(r.note()).isEqualTo(note2000));
        assertThat(result.rejected()).extracting(ReviewFile.Rejected::line, ReviewFile.Rejected::reason).containsExactly(
                Tuple.tuple(2L, RowReason.FIELD_TOO_LONG), Tuple.tuple(4L, RowReason.FIELD_TOO_LONG),
                Tuple.tuple(5L, RowReason.NOT_A_NUMBER), Tuple.tuple(6L, RowReason.MALFORMED_ROW));
        assertThat(result.rejected().get(0).message()).isEqualTo(Detail.of("review.too.long.note", "2,001", "2,000"));
        assertThat(result.rejected().get(0).rawValue()).hasSize(100);
        assertThat(result.rejected().get(1).message()).isEqualTo(Detail.of("review.too.long.reviewer", "201", "200"));
        assertThat(result.rejected().get(2).message().key()).isEqualTo("review.total.too.long");
        assertThat(result.rejected().get(2).message().args()).endsWith("40");
        assertThat(result.rejected()).allSatisfy(r -> assertThat(r.rawValue().length()).isLessThanOrEqualTo(100));
    }

    @Test
    void aLineLongerThanOneMegabyteIsMalformedAndTheNextLineIsRead() throws IOException {
        ReviewFile.Result result = read("indicator_code,disposition,note,reviewer,date,city_total\n"
                + "CO2_REDUCTION,EXPLAINED,\"" + "长".repeat(2 << 20) + "\",王芳,2024-03-01,\n"
                + "URBAN_NEW_JOBS,EXPLAINED,x,王芳,2024-03-01,\n");

        assertThat(result.reviews()).extracting(Review::line).containsExactly(3L);
        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RowReason.MALFORMED_ROW);
            assertThat(r.message()).isEqualTo(Detail.of("review.too.long", "2,000"));
            assertThat(r.rawValue()).hasSize(100);
        });
    }

    @Test
    void theLatestReviewOfAFigureStands() throws IOException {
        ReviewFile.Result result = read("""
                indicator_code,disposition,note,reviewer,date,city_total
                CO2_REDUCTION,WILL_FIX,先改,王芳,2024-03-05,
                CO2_REDUCTION,EXPLAINED,已核实,王芳,2024-03-01,
                CO2_REDUCTION,ACCEPTED,接受,李强,2024-03-05,
                """);
        assertThat(result.reviews()).singleElement().extracting(Review::line).isEqualTo(4L);
        assertThat(result.rejected()).extracting(ReviewFile.Rejected::line).containsExactly(2L, 3L);
        assertThat(result.rejected()).allSatisfy(r -> assertThat(r.message()).isEqualTo(Detail.of("review.replaced", 4)));
    }

    @Test
    void aFileWithoutTheColumnsIsUnreadable() throws IOException {
        ReviewFile.Result result = read("code,what\nCO2_REDUCTION,EXPLAINED\n");
        assertThat(en(result.problem())).contains("indicator_code").contains("disposition");
    }

    @Test
    void noFileMeansNoReviews() {
        assertThat(ReviewFile.read(dir.resolve("missing.csv"), CATALOG)).isEqualTo(ReviewFile.Result.none());
    }

    @Test
    void aReviewWrittenAgainstAnotherTotalIsStale() {
        Review review = new Review(2, "X", Disposition.EXPLAINED, "", "王芳", LocalDate.of(2024, 3, 1), new BigDecimal("12.0"));
        assertThat(review.staleFor(new BigDecimal("12"))).isFalse();
        assertThat(review.staleFor(new BigDecimal("12.5"))).isTrue();
        assertThat(review.staleFor(null)).isTrue();
        assertThat(new Review(2, "X", Disposition.EXPLAINED, "", "王芳", LocalDate.of(2024, 3, 1), null).staleFor(BigDecimal.ONE)).isFalse();
    }

    private ReviewFile.Result read(String text) throws IOException {
        Path file = dir.resolve("2023.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return ReviewFile.read(file, CATALOG);
    }

    /** What a check found, in the English bundle's words. */
    private static String en(Detail detail) {
        return Wording.of("en").detail(detail);
    }
}
