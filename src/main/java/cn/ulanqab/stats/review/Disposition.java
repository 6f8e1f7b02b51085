package cn.ulanqab.stats.review;

/** A reviewer's word on a finding. EXPLAINED and ACCEPTED excuse it from the exit status; WILL_FIX changes nothing. */
public enum Disposition {
    EXPLAINED, ACCEPTED, WILL_FIX;

    public boolean excuses() {
        return this != WILL_FIX;
    }
}
