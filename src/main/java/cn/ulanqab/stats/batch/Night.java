package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.ConfigurationException;
import cn.ulanqab.stats.catalog.BaseTotals;
import cn.ulanqab.stats.catalog.Period;
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
import cn.ulanqab.stats.review.ReviewFile;
import cn.ulanqab.stats.submission.FileKind;
import cn.ulanqab.stats.targets.TargetFile;
import cn.ulanqab.stats.targets.TargetPlan;
import cn.ulanqab.stats.targets.TargetResult;
import cn.ulanqab.stats.targets.TargetTracking;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One night's run: its period, folders and claim settings, the reference data and printed figures read from
 * the input and, when the run was given the report, the check of the published file against it (null without). The
 * job parameters identify it by period and input fingerprint only; the folders are not job parameters, so a run
 * restarts with the folders it is given then. {@code base} holds last year's totals of the same period
 * ({@code <input>/base/<previous period>.csv}), read once per run; {@code targets} the year's targets
 * ({@code <input>/targets/<year>.csv}) with last year's full-year base.
 */
public record Night(String period, Path input, Path output, ClaimSettings claims,
                    ReferenceData reference, Map<FigureKey, PublishedFigure> published, Path report,
                    List<PublishedCheck.Line> reportCheck, BaseTotals base, TargetPlan targets) {

    static final String PERIOD = "period";
    static final String FINGERPRINT = "fingerprint";
    /** Keys of the job's execution context: the folders a run was last started with, to tell when it resumes elsewhere. */
    static final String INPUT = "input";
    static final String OUTPUT = "output";

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
        Period value = Period.parse(period);
        requireRegularFiles(period, input, report);
        ReferenceData reference = ReferenceData.load(input.resolve("reference"));
        Path publishedFile = input.resolve("published").resolve(period + ".csv");
        // a month or quarter is reconciled whether or not anything was printed for it: without the file, every total is UNPUBLISHED
        Map<FigureKey, PublishedFigure> published = !value.isYear() && FileKind.of(publishedFile) == FileKind.ABSENT ? Map.of()
                : PublishedFigures.load(publishedFile, period, reference.registry(), reference.catalog(), claims);
        BaseTotals base = BaseTotals.read(input, value.previous(), reference);
        TargetPlan targets = TargetPlan.load(input, value, reference, claims);
        List<PublishedCheck.Line> check = null;
        if (report != null) {
            ReportText text = ReportText.read(report);
            if (!String.valueOf(text.reviewYear()).equals(period)) {
                throw ConfigurationException.of(report.toString(), text.reviewYear() < 0 ? Detail.of("config.report.no.year", period)
                        : Detail.of("config.report.other.year", text.reviewYear(), period), Detail.of("fix.report.of.period", period, value.year() + 1));
            }
            ReportPhrases phrases = ReportPhrases.load(phrasesFile(input), reference.catalog());
            check = PublishedCheck.check(reference.catalog(),
                    PublishedFigures.ofRegion(published, reference.registry().city().code()), phrases, FigureExtractor.extract(text, ReportUnits.load(input.resolve("reference"))), period);
        }
        return new Night(period, input, output, claims, reference, published, report, check, base, targets);
    }

    /**
     * The reference, published and reviewers' files (and with a report, the report and its phrases) are read only when
     * they are regular files: a link may point anywhere on the machine, and a named pipe would block the night.
     * An absent file is left to its reader, which says what its absence means.
     */
    static void requireRegularFiles(String period, Path input, Path report) {
        List<Path> files = new ArrayList<>(List.of(input.resolve("reference").resolve(ReferenceData.COUNTIES_FILE),
                input.resolve("reference").resolve(ReferenceData.INDICATORS_FILE),
                input.resolve("published").resolve(period + ".csv"), ReviewFile.of(input, period),
                BaseTotals.fileOf(input, Period.parse(period).previous()), TargetFile.of(input, Period.parse(period).year()),
                BaseTotals.fileOf(input, Period.ofYear(Period.parse(period).year() - 1))));
        if (report != null) {
            files.add(report);
            files.add(phrasesFile(input));
        }
        for (Path file : files) {
            FileKind kind = FileKind.of(file);
            if (kind != FileKind.REGULAR_FILE && kind != FileKind.ABSENT) {
                throw ConfigurationException.of(file.toString(), Detail.of("config.input.not.regular", kind.words()),
                        Detail.of("fix.put.the.file"));
            }
        }
    }

    static Path phrasesFile(Path input) {
        return input.resolve("reference").resolve(ReportPhrases.FILE);
    }

    static Path unitsFile(Path input) {
        return input.resolve("reference").resolve(ReportUnits.FILE);
    }

    /** Only the period and the fingerprint identify a run: the folders are those given when it is (re)started. */
    JobParameters toJobParameters(String fingerprint) {
        return new JobParametersBuilder()
                .addString(PERIOD, period)
                .addString(FINGERPRINT, fingerprint)
                .toJobParameters();
    }

    /** The period as a value: its year, its months, the same period of last year. */
    public Period periodValue() {
        return Period.parse(period);
    }

    /** Where the year's targets stand after run {@code runId} (none without a targets file). */
    public List<TargetResult> trackTargets(TargetTracking tracking, long runId) {
        return tracking.track(runId, periodValue(), targets, base, reference, claims);
    }

    public Path submissionFolder() {
        return input.resolve(period);
    }

    public Path outputFolder() {
        return output.resolve(period);
    }
}
