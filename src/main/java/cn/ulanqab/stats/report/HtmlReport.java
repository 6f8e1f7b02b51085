package cn.ulanqab.stats.report;

import cn.ulanqab.stats.catalog.County;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.extraction.PublishedCheck;
import cn.ulanqab.stats.reconciliation.Numbers;
import cn.ulanqab.stats.reconciliation.ReconciliationLine;
import cn.ulanqab.stats.submission.SubmissionStore;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The reviewers' page: one self-contained HTML file (inline CSS, no script), every input text escaped. */
@Component
public class HtmlReport {

    private final TemplateEngine engine = new TemplateEngine();

    public HtmlReport() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        engine.setTemplateResolver(resolver);
    }

    public String render(RunSummary summary, ReferenceData reference, List<ReconciliationLine> lines,
                         List<SubmissionStore.RejectedRow> rejected, List<SubmissionStore.LedgerLine> ledger,
                         OffsetDateTime runStarted, List<PublishedCheck.Line> reportCheck) {
        Map<String, String> names = reference.registry().counties().stream()
                .collect(Collectors.toMap(County::code, County::nameZh));
        names.put(reference.registry().city().code(), reference.registry().city().nameZh());
        Context context = new Context();
        context.setVariable("summary", summary);
        context.setVariable("city", reference.registry().city());
        context.setVariable("lines", lines);
        context.setVariable("rejected", rejected);
        context.setVariable("ledger", ledger);
        context.setVariable("names", names);
        context.setVariable("reportCheck", reportCheck);
        context.setVariable("reportFindings", reportCheck == null ? List.of()
                : reportCheck.stream().filter(c -> c.status().isFinding()).toList());
        context.setVariable("runStarted", runStarted.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        context.setVariable("num", new NumberFormatter());
        return engine.process("report", context);
    }

    /** Number formatting for the template. */
    public static final class NumberFormatter {
        public String plain(java.math.BigDecimal value) {
            return Numbers.plain(value);
        }

        public String percent(java.math.BigDecimal fraction) {
            return fraction == null ? "" : Numbers.plain(fraction.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP)) + "%";
        }
    }
}
