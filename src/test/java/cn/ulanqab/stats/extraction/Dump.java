package cn.ulanqab.stats.extraction;
import java.nio.file.Path;
public class Dump {
    public static void main(String[] a) {
        var x = FigureExtractor.extract(ReportText.read(Path.of("input/reports/ulanqab-2024-government-work-report.txt")));
        System.out.println("plan " + x.report().planYear() + " headings " + x.report().headings());
        for (var f : x.figures()) System.out.println(String.join(" | ", f.id(), f.section(), f.period(), f.subject(), f.printedText(), f.value().toPlainString(), f.unit(), f.qualifierLabel(), f.kind().label(), ""+f.occurrences(), f.quote(), f.note()));
        x.repeatedPassages().forEach(p -> System.out.println("REPEAT " + p.firstSection() + " -> " + p.againSection() + ": " + p.excerpt()));
        x.conflicts().forEach(c -> System.out.println("CONFLICT " + c));
    }
}
