package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.published.ClaimSettings;
import cn.ulanqab.stats.published.PublishedFigure;
import cn.ulanqab.stats.published.PublishedFigures;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

/**
 * One night's run: its period, folders and claim settings, and the reference data and printed figures
 * read from the input. The job parameters identify it by period and input fingerprint; the folders are
 * not identifying, so a run restarts wherever its input now lies.
 */
public record Night(String period, Path input, Path output, ClaimSettings claims,
                    ReferenceData reference, Map<String, PublishedFigure> published) {

    static final String PERIOD = "period";
    static final String FINGERPRINT = "fingerprint";
    static final String INPUT = "input";
    static final String OUTPUT = "output";
    static final String NEARLY_BAND = "nearlyBand";
    static final String ABOUT_TOLERANCE = "aboutTolerance";

    /** Reads and checks the reference data and printed figures; a problem is a ConfigurationException. */
    public static Night load(String period, Path input, Path output, ClaimSettings claims) {
        ReferenceData reference = ReferenceData.load(input.resolve("reference"));
        Map<String, PublishedFigure> published = PublishedFigures.load(
                input.resolve("published").resolve(period + ".csv"), period, reference.catalog(), claims);
        return new Night(period, input, output, claims, reference, published);
    }

    static Night from(JobParameters parameters) {
        ClaimSettings claims = new ClaimSettings(new BigDecimal(parameters.getString(NEARLY_BAND)),
                new BigDecimal(parameters.getString(ABOUT_TOLERANCE)));
        return load(parameters.getString(PERIOD), Path.of(parameters.getString(INPUT)),
                Path.of(parameters.getString(OUTPUT)), claims);
    }

    JobParameters toJobParameters(String fingerprint) {
        return new JobParametersBuilder()
                .addString(PERIOD, period)
                .addString(FINGERPRINT, fingerprint)
                .addString(NEARLY_BAND, claims.nearlyBand().toPlainString(), false)
                .addString(ABOUT_TOLERANCE, claims.aboutTolerance().toPlainString(), false)
                .addString(INPUT, input.toAbsolutePath().normalize().toString(), false)
                .addString(OUTPUT, output.toAbsolutePath().normalize().toString(), false)
                .toJobParameters();
    }

    public Path submissionFolder() {
        return input.resolve(period);
    }

    public Path outputFolder() {
        return output.resolve(period);
    }
}
