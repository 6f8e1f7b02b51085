package cn.ulanqab.stats.extraction;

/**
 * A passage the print repeats by accident: the text at {@code againStart..againEnd} is the same as at
 * {@code firstStart..firstEnd}.
 */
public record RepeatedPassage(int firstStart, int firstEnd, String firstSection, int againStart, int againEnd,
                              String againSection, String text) {

    public boolean containsAgain(int position) {
        return position >= againStart && position < againEnd;
    }

    /** The passage shortened for a console line: its start … its end. */
    public String excerpt() {
        String t = text.replaceAll("\\s+", " ").strip();
        return t.length() <= 40 ? t : t.substring(0, 20) + "…" + t.substring(t.length() - 16);
    }
}
