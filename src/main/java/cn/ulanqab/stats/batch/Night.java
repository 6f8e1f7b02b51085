package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.ConfigurationException;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.extraction.FigureExtractor;
import cn.ulanqab.stats.extraction.PublishedCheck;
import cn.ulanqab.stats.extraction.ReportPhrases;
import cn.ulanqab.stats.extraction.ReportText;
import cn.ulanqab.stats.extraction.ReportUnits;
import cn.ulanqab.stats.published.ClaimSettings;
import cn.ulanqab.stats.published.FigureKey;
import cn.ulanqab.stats.published.PublishedFigure;
import cn.ulanqab.stats.published.PublishedFigures;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One night's run: its period, folders and claim settings, the reference data and printed figures read from
 * the input and, when the run was given the report, the check of the published file against it (null without). The job parameters identify it by period and input fingerprint; the folders are
 * not identifying, so a run restarts wherever its input now lies.
 */
public record Night(String period, Path input, Path output, ClaimSettings claims,
                    ReferenceData reference, Map<FigureKey, PublishedFigure> published, Path report,
                    List<PublishedCheck.Line> reportCheck) {

    static final String PERIOD = "period";
    static final String FINGERPRINT = "fingerprint";
    static final String INPUT = "input";
    static final String OUTPUT = "output";
    static final String NEARLY_BAND = "nearlyBand";
    static final String ABOUT_TOLERANCE = "aboutTolerance";
    static final String REPORT = "report";

    /** Reads and checks the reference data and printed figures; a problem is a ConfigurationException. */
    public static Night load(String period, Path input, Path output, ClaimSettings claims) {
        return load(period, input, output, claims, null);
    }

    /**
     * Reads and checks the reference data and printed figures and, with a report, checks the published file
     * against what the report prints (through {@code reference/report-phrases.csv}); a problem is a
     * ConfigurationException.
     */
    public static Night load(String period, Path input, Path output, ClaimSettings claims, Path report) {
        ReferenceData reference = ReferenceData.load(input.resolve("reference"));
        Map<FigureKey, PublishedFigure> published = PublishedFigures.load(
                input.resolve("published").resolve(period + ".csv"), period, reference.registry(), reference.catalog(), claims);
        List<PublishedCheck.Line> check = null;
        if (report != null) {
            ReportText text = ReportText.read(report);
            if (!String.valueOf(text.reviewYear()).equals(period)) {
                throw ConfigurationException.of(report.toString(), "reports on " + (text.reviewYear() < 0 ? "no year it names in a heading"
                        : String.valueOf(text.reviewYear())) + ", not on period " + period,
                        "pass the report that reviews " + period + " (the one whose plan year is " + (Integer.parseInt(period) + 1) + ")");
            }
            ReportPhrases phrases = ReportPhrases.load(phrasesFile(input), reference.catalog());
            check = PublishedCheck.check(reference.catalog(),
                    PublishedFigures.ofRegion(published, reference.registry().city().code()), phrases, FigureExtractor.extract(text, ReportUnits.load(input.resolve("reference"))), period);
        }
        return new Night(period, input, output, claims, reference, published, report, check);
    }

    static Path phrasesFile(Path input) {
        return input.resolve("reference").resolve(ReportPhrases.FILE);
    }

    static Path unitsFile(Path input) {
        return input.resolve("reference").resolve(ReportUnits.FILE);
    }

    static Night from(JobParameters parameters) {
        ClaimSettings claims = new ClaimSettings(new BigDecimal(parameters.getString(NEARLY_BAND)),
                new BigDecimal(parameters.getString(ABOUT_TOLERANCE)));
        String report = parameters.getString(REPORT);
        return load(parameters.getString(PERIOD), Path.of(parameters.getString(INPUT)),
                Path.of(parameters.getString(OUTPUT)), claims, report == null || report.isEmpty() ? null : Path.of(report));
    }

    JobParameters toJobParameters(String fingerprint) {
        return new JobParametersBuilder()
                .addString(PERIOD, period)
                .addString(FINGERPRINT, fingerprint)
                .addString(NEARLY_BAND, claims.nearlyBand().toPlainString(), false)
                .addString(ABOUT_TOLERANCE, claims.aboutTolerance().toPlainString(), false)
                .addString(INPUT, input.toAbsolutePath().normalize().toString(), false)
                .addString(OUTPUT, output.toAbsolutePath().normalize().toString(), false)
                .addString(REPORT, report == null ? "" : report.toAbsolutePath().normalize().toString(), false)
                .toJobParameters();
    }

    public Path submissionFolder() {
        return input.resolve(period);
    }

    public Path outputFolder() {
        return output.resolve(period);
    }
}
