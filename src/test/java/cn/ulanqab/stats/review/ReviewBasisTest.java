package cn.ulanqab.stats.review;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.reconciliation.Cause;
import cn.ulanqab.stats.reconciliation.ReconciliationLine;
import cn.ulanqab.stats.reconciliation.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewBasisTest {

    private static final ReferenceData REFERENCE = ReferenceData.load(Path.of("input/reference"));

    @TempDir
    Path folder;

    private Review read(String line) throws IOException {
        Path file = folder.resolve("2023.csv");
        Files.writeString(file, "indicator_code,disposition,note,reviewer,date,city_total,counties_reported,named_county\n" + line + "\n",
                StandardCharsets.UTF_8);
        ReviewFile.Result result = ReviewFile.read(file, REFERENCE.catalog());
        assertThat(result.rejected()).isEmpty();
        return result.reviews().get(0);
    }

    private static ReconciliationLine line(String total, int counties, String named) {
        List<Cause> causes = named == null ? List.of()
                : List.of(new Cause(Cause.Kind.UNIT_SLIP, named, null, 0, null, null, null, BigDecimal.ONE, BigDecimal.TEN, BigDecimal.TEN));
        return new ReconciliationLine("POCKET_PARKS", "建成口袋公园", "Pocket parks", "个", "7个", new BigDecimal("7"), "",
                new BigDecimal(total), "", null, null, Status.MISMATCH, counties, List.of(), causes, "", "", null);
    }

    @Test
    void aReviewWrittenAtFiveOfElevenCountiesIsStaleWhenTheTotalFallsBackToFiveWithACountyGone() throws IOException {
        Review review = read("POCKET_PARKS,EXPLAINED,化德县漏填,王芳,2024-03-01,5,11,");
        assertThat(line("5", 11, null).withReview(review).excused()).isTrue();
        assertThat(line("6", 11, null).withReview(review).reviewStatus()).isEqualTo("stale");
        ReconciliationLine fellBack = line("5", 10, null).withReview(review);
        assertThat(fellBack.reviewStatus()).as("the same total, but another situation").isEqualTo("stale");
        assertThat(fellBack.excused()).isFalse();
        assertThat(fellBack.openFinding()).isTrue();
    }

    @Test
    void aReviewThatNamedACountyIsStaleWhenTheDiagnosisNamesAnotherOrNone() throws IOException {
        Review review = read("POCKET_PARKS,ACCEPTED,卓资县单位填错,王芳,2024-03-01,,,150921");
        assertThat(line("5", 11, "150921").withReview(review).reviewStatus()).isEqualTo("excused");
        assertThat(line("5", 11, "150922").withReview(review).reviewStatus()).isEqualTo("stale");
        assertThat(line("5", 11, null).withReview(review).reviewStatus()).isEqualTo("stale");
    }

    @Test
    void onlyTheGivenPartsOfTheBasisCount() throws IOException {
        Review review = read("POCKET_PARKS,WILL_FIX,下月更正,王芳,2024-03-01,,,");
        assertThat(line("5", 3, "150922").withReview(review).reviewStatus()).isEqualTo("current");
        assertThat(line("5", 3, null).reviewStatus()).isEmpty();
    }

    @Test
    void aCountOfCountiesThatIsNotAWholeNumberIsRejected() throws IOException {
        Path file = folder.resolve("2023.csv");
        Files.writeString(file, "indicator_code,disposition,note,reviewer,date,city_total,counties_reported\n"
                + "POCKET_PARKS,EXPLAINED,x,王芳,2024-03-01,5,eleven\n", StandardCharsets.UTF_8);
        ReviewFile.Result result = ReviewFile.read(file, REFERENCE.catalog());
        assertThat(result.reviews()).isEmpty();
        assertThat(result.rejected()).singleElement().satisfies(r -> assertThat(r.message().key()).isEqualTo("review.counties"));
    }
}
