package cn.ulanqab.stats.submission;

/** What became of a file found in (or expected in) the period's submission folder. */
public enum FileStatus { PROCESSED, SUPERSEDED, UNRECOGNIZED, UNREADABLE, MISSING }
