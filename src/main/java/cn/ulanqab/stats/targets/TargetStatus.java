package cn.ulanqab.stats.targets;

/**
 * How far a target of the year has got. A lower-bound target is {@link #MET}, {@link #ON_TRACK} or {@link #BEHIND}
 * during the year; an upper limit ({@code 以内}, {@code 以下}) {@link #EXCEEDED}, {@link #OVER_PACE} or {@link #WITHIN};
 * at the year's own period every target is {@link #MET} or {@link #MISSED}. {@link #INCOMPLETE} and {@link #NO_DATA}
 * are data findings, as for levels: the only statuses that make the exit status 1.
 */
public enum TargetStatus {
    MISSED, EXCEEDED, BEHIND, OVER_PACE, INCOMPLETE, NO_DATA, ON_TRACK, WITHIN, MET;

    /** Missing data, not news: counted with the figure findings. */
    public boolean isFinding() {
        return this == INCOMPLETE || this == NO_DATA;
    }
}
