#!/usr/bin/env bash
# The national benchmark: generate (or reuse) the synthetic national input, time DuckDB doing the same
# validation, aggregation and comparison in SQL, time the job from its jar, and check the planted mismatches.
# Not part of `mvn verify`. See bench/README.md.
#
#   bash bench/run.sh
#
# Settings (environment): BENCH_SCRATCH (default /tmp/reconciliation-bench), BENCH_COUNTIES (2844),
# BENCH_INDICATORS (2000), BENCH_JOB_TIMEOUT in seconds (7200), BENCH_XMX (1g), BENCH_POSTGRES (1: also run the job
# against the PostgreSQL server at 127.0.0.1:5432 when it answers; 0: not), BENCH_KEEP_SCHEMA (0: drop its schema after),
# BENCH_REMOTE (1: also a manager with one, then two, worker processes over RabbitMQ at 127.0.0.1:5672 and that PostgreSQL,
# each in a virtual host and schema of its own made with rabbitmqctl and deleted after; 0: not).
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
SCRATCH=${BENCH_SCRATCH:-/tmp/reconciliation-bench}
COUNTIES=${BENCH_COUNTIES:-2844}
INDICATORS=${BENCH_INDICATORS:-2000}
JOB_TIMEOUT=${BENCH_JOB_TIMEOUT:-7200}
XMX=${BENCH_XMX:-1g}
PERIOD=2023
GEN=$SCRATCH/input-${COUNTIES}x${INDICATORS}
JAR=$ROOT/target/reconciliation.jar
TIME=/usr/bin/time

die() { echo "bench: $*" >&2; exit 2; }
# the machine's load before and after: the figures mean little on a machine that other work shares
load() { uptime | sed 's/.*load average: //'; }
LOAD_BEFORE=$(load)

[ -x "$TIME" ] || die "$TIME is missing. Fix: apt-get install -y time (GNU time, for wall time and peak RSS)"
command -v java >/dev/null || die "java is missing"
mkdir -p "$SCRATCH" || die "cannot create $SCRATCH"

# seconds from GNU time's "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.34"
elapsed() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$1"; }
peak_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }
cpu_s() { awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { if (u != "") printf "%.1f", u + s; else print "n/a" }' "$1" 2>/dev/null; }
per_second() { awk -v r="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", r / s; else print "n/a" }'; }

# 1. the application's jar
if [ ! -f "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -print -quit)" ]; then
    echo "building $JAR (mvn -q package -DskipTests): missing or older than the sources"
    mvn -q -B package -DskipTests || die "the build failed"
fi

# 2. the DuckDB driver's class path (online the first time only) and the yardstick compiled
CPFILE=$SCRATCH/duckdb.classpath
if [ ! -s "$CPFILE" ] || [ bench/duckdb/pom.xml -nt "$CPFILE" ]; then
    mvn -q -B -o -f bench/duckdb/pom.xml dependency:build-classpath -Dmdep.outputFile="$CPFILE" >/dev/null 2>&1 \
        || mvn -q -B -f bench/duckdb/pom.xml dependency:build-classpath -Dmdep.outputFile="$CPFILE" \
        || die "cannot resolve org.duckdb:duckdb_jdbc (bench/duckdb/pom.xml)"
fi
DUCKDB_CP=$(cat "$CPFILE")
rm -rf "$SCRATCH/duckdb-classes"
javac -d "$SCRATCH/duckdb-classes" -cp "$DUCKDB_CP" bench/duckdb/DuckDbBench.java || die "cannot compile bench/duckdb/DuckDbBench.java"

# 3. the input: reused when its manifest (written last) says it is complete and of this size
GEN_LINE="generation: reused $GEN"
if grep -qx "counties=$COUNTIES" "$GEN/generator.properties" 2>/dev/null \
        && grep -qx "indicators=$INDICATORS" "$GEN/generator.properties"; then
    echo "reusing the complete input in $GEN"
else
    rm -rf "$GEN"
    echo "generating $COUNTIES counties x $INDICATORS indicators into $GEN"
    "$TIME" -v -o "$SCRATCH/generate.time" java -Xmx"$XMX" -jar "$JAR" --generate="$GEN" \
        --counties="$COUNTIES" --indicators="$INDICATORS" || die "the generator failed"
    GEN_LINE="generation: $(elapsed "$SCRATCH/generate.time") s wall, peak RSS $(peak_mb "$SCRATCH/generate.time") MB"
fi
ROWS=$(sed -n 's/^submission_rows=//p' "$GEN/generator.properties")
PLANTED=$(sed -n 's/^mismatches=//p' "$GEN/generator.properties")
SIZE_MB=$(du -sm "$GEN" | cut -f1)

# 4. DuckDB: the same validation, aggregation and comparison in SQL, in memory
echo
echo "== DuckDB =="
"$TIME" -v -o "$SCRATCH/duckdb.time" java -Xmx"$XMX" -cp "$SCRATCH/duckdb-classes:$DUCKDB_CP" DuckDbBench \
    reconcile "$GEN" "$PERIOD" "$SCRATCH/duckdb-mismatches.csv" | tee "$SCRATCH/duckdb.log"
DUCKDB_RC=${PIPESTATUS[0]}
DUCKDB_S=$(elapsed "$SCRATCH/duckdb.time")

# 5. the job from its jar, on a fresh output folder (and so a fresh database)
echo
echo "== the job =="
rm -rf "$SCRATCH/out"
"$TIME" -v -o "$SCRATCH/job.time" timeout "$JOB_TIMEOUT" java -Xmx"$XMX" -jar "$JAR" \
    --input="$GEN" --output="$SCRATCH/out" --period="$PERIOD" > "$SCRATCH/job.log" 2>&1
JOB_RC=$?
tail -n 15 "$SCRATCH/job.log"
JOB_S=$(elapsed "$SCRATCH/job.time")
case $JOB_RC in
    0|1) JOB_OUTCOME="completed, exit status $JOB_RC" ;;
    124) JOB_OUTCOME="killed after the ${JOB_TIMEOUT}s limit (BENCH_JOB_TIMEOUT)" ;;
    *)   JOB_OUTCOME="FAILED, exit status $JOB_RC: $(grep -E 'cannot start|could not do its work|Exception' "$SCRATCH/job.log" | head -n 1)" ;;
esac

STEPS=n/a
if [ -f "$SCRATCH/out/reconciliation-db.mv.db" ]; then
    # where the job's time went: its steps as Spring Batch recorded them (seconds)
    STEPS=$(java -cp "$DUCKDB_CP" org.h2.tools.Shell -url "jdbc:h2:file:$SCRATCH/out/reconciliation-db" -user "" -password "" \
        -sql "SELECT STEP_NAME || ' ' || CAST(DATEDIFF('MILLISECOND', START_TIME, END_TIME) / 1000.0 AS DECIMAL(10,1))
              FROM \"reconciliation\".BATCH_STEP_EXECUTION ORDER BY STEP_EXECUTION_ID" 2>/dev/null \
        | grep -E '^[a-zA-Z]+ [0-9.]+ *$' | awk '{ printf "%s%s %s s", sep, $1, $2; sep = ", " }')
fi

H2_MB=$(du -sm "$SCRATCH/out/reconciliation-db.mv.db" 2>/dev/null | cut -f1)

# 5a. the same job with its partitioned ingest on one worker (the run above used one per core), to show what the
# partitions on every core bring; BENCH_ONE_WORKER=0 leaves it out
ONE_LINE="one worker: not measured (BENCH_ONE_WORKER=0)"
if [ "${BENCH_ONE_WORKER:-1}" = 1 ]; then
    echo
    echo "== the job on one worker =="
    rm -rf "$SCRATCH/out-1"
    "$TIME" -v -o "$SCRATCH/job-1.time" timeout "$JOB_TIMEOUT" java -Xmx"$XMX" -jar "$JAR" --reconciliation.workers=1 \
        --input="$GEN" --output="$SCRATCH/out-1" --period="$PERIOD" > "$SCRATCH/job-1.log" 2>&1
    ONE_RC=$?
    ONE_S=$(elapsed "$SCRATCH/job-1.time")
    ONE_INGEST=$(java -cp "$DUCKDB_CP" org.h2.tools.Shell -url "jdbc:h2:file:$SCRATCH/out-1/reconciliation-db" -user "" -password "" \
        -sql "SELECT CAST(DATEDIFF('MILLISECOND', START_TIME, END_TIME) / 1000.0 AS DECIMAL(10,1)) FROM \"reconciliation\".BATCH_STEP_EXECUTION
              WHERE STEP_NAME = 'readAndValidateSubmissions'" 2>/dev/null | grep -E '^[0-9.]+ *$' | head -n 1 | tr -d ' ')
    SAME1="CSVs differ from the run on every core"
    if [ "$ONE_RC" -le 1 ] && cmp -s "$SCRATCH/out/$PERIOD/reconciliation.csv" "$SCRATCH/out-1/$PERIOD/reconciliation.csv" \
            && cmp -s "$SCRATCH/out/$PERIOD/county-breakdown.csv" "$SCRATCH/out-1/$PERIOD/county-breakdown.csv"; then
        SAME1="reconciliation.csv and county-breakdown.csv byte-identical to the run on every core"
    fi
    ONE_LINE=$(printf '%-8s %10s %12s %14s  %s' "job (1w)" "$ONE_S" "$(per_second "$ROWS" "$ONE_S")" "$(peak_mb "$SCRATCH/job-1.time")" \
        "exit status $ONE_RC; readAndValidateSubmissions ${ONE_INGEST:-n/a} s; $SAME1")
fi

# 5b. the same job against PostgreSQL (the postgres profile), in a schema of its own, when the server answers
PG_LINE="PostgreSQL: not measured (BENCH_POSTGRES=0 or 127.0.0.1:5432 does not answer)"
if [ "${BENCH_POSTGRES:-1}" = 1 ] && command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432; then
    echo
    echo "== the job on PostgreSQL =="
    PG_SCHEMA=bench_$(date +%s)
    rm -rf "$SCRATCH/out-pg"
    "$TIME" -v -o "$SCRATCH/job-pg.time" timeout "$JOB_TIMEOUT" java -Xmx"$XMX" -jar "$JAR" --spring.profiles.active=postgres \
        --reconciliation.db-schema="$PG_SCHEMA" --input="$GEN" --output="$SCRATCH/out-pg" --period="$PERIOD" > "$SCRATCH/job-pg.log" 2>&1
    PG_RC=$?
    tail -n 3 "$SCRATCH/job-pg.log"
    PG_S=$(elapsed "$SCRATCH/job-pg.time")
    PG_MB=$(psql -h 127.0.0.1 -U postgres -d test -tA -c "SELECT ROUND(COALESCE(SUM(pg_total_relation_size(c.oid)), 0) / 1048576.0)
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '$PG_SCHEMA' AND c.relkind = 'r'")
    PG_STEPS=$(psql -h 127.0.0.1 -U postgres -d test -tA -F ' ' -c "SELECT STEP_NAME, ROUND(EXTRACT(EPOCH FROM END_TIME - START_TIME)::numeric, 1)
        FROM $PG_SCHEMA.BATCH_STEP_EXECUTION WHERE STEP_NAME NOT LIKE '%:%' ORDER BY STEP_EXECUTION_ID" | awk '{ printf "%s%s %s s", sep, $1, $2; sep = ", " }')
    SAME="CSVs differ from the H2 run's"
    if [ "$PG_RC" -le 1 ] && cmp -s "$SCRATCH/out/$PERIOD/reconciliation.csv" "$SCRATCH/out-pg/$PERIOD/reconciliation.csv" \
            && cmp -s "$SCRATCH/out/$PERIOD/county-breakdown.csv" "$SCRATCH/out-pg/$PERIOD/county-breakdown.csv"; then
        SAME="reconciliation.csv and county-breakdown.csv byte-identical to the H2 run's"
    fi
    PG_LINE=$(printf '%-8s %10s %12s %14s  %s' "job (PG)" "$PG_S" "$(per_second "$ROWS" "$PG_S")" "$(peak_mb "$SCRATCH/job-pg.time")" \
        "exit status $PG_RC; database ${PG_MB} MB (schema $PG_SCHEMA, dropped after); $SAME")
    PG_LINE="$PG_LINE
job's steps on PostgreSQL: ${PG_STEPS:-n/a}"
    [ "${BENCH_KEEP_SCHEMA:-0}" = 1 ] || PGOPTIONS=--client-min-messages=warning psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA $PG_SCHEMA CASCADE" >/dev/null
fi

# 5c. a manager with one, then two, worker processes on this machine over RabbitMQ and PostgreSQL (README, "Scaling out"):
# each run in a PostgreSQL schema and a RabbitMQ virtual host of its own (created here, deleted after), so that no other
# run's queue is read, purged or fed; the workers are started before the manager and stopped (SIGTERM) after it.
# BENCH_REMOTE=0 leaves it out.
REMOTE_LINES="manager and workers: not measured (BENCH_REMOTE=0, or 127.0.0.1:5432, 127.0.0.1:5672 or rabbitmqctl missing)"
WORKER_PIDS=()
REMOTE_RAN=()
stop_workers() {
    local tpid jpid
    for tpid in "${WORKER_PIDS[@]}"; do
        # GNU time's child is the worker's JVM: SIGTERM ends it cleanly (as systemctl stop does), SIGKILL after 60 s
        jpid=$(pgrep -P "$tpid" 2>/dev/null)
        [ -n "$jpid" ] && kill -TERM "$jpid" 2>/dev/null
        if [ -n "$jpid" ]; then
            for _ in $(seq 60); do kill -0 "$jpid" 2>/dev/null || break; sleep 1; done
            kill -0 "$jpid" 2>/dev/null && kill -KILL "$jpid" 2>/dev/null
        fi
        wait "$tpid" 2>/dev/null
    done
    WORKER_PIDS=()
}
REMOTE_VHOST=""
REMOTE_SCHEMA=""
remote_cleanup() {
    stop_workers
    [ -n "$REMOTE_SCHEMA" ] && [ "${BENCH_KEEP_SCHEMA:-0}" != 1 ] \
        && PGOPTIONS=--client-min-messages=warning psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS $REMOTE_SCHEMA CASCADE" >/dev/null 2>&1
    [ -n "$REMOTE_VHOST" ] && rabbitmqctl -q delete_vhost "$REMOTE_VHOST" >/dev/null 2>&1
    REMOTE_SCHEMA=""
    REMOTE_VHOST=""
}
trap 'remote_cleanup' EXIT
trap 'remote_cleanup; exit 130' INT TERM

# run_remote N: the manager with N worker processes (one partition at a time each); appends its lines to REMOTE_LINES
run_remote() {
    local n=$1 name=mq$1 i log ready rc wall steps parts same ratio ratio_pg worker_rss
    REMOTE_SCHEMA=bench_${name}_$(date +%s)
    REMOTE_VHOST=$REMOTE_SCHEMA
    echo
    echo "== the job as a manager with $n worker process(es) (schema and RabbitMQ virtual host $REMOTE_SCHEMA) =="
    if ! rabbitmqctl -q add_vhost "$REMOTE_VHOST" >/dev/null || ! rabbitmqctl -q set_permissions -p "$REMOTE_VHOST" guest ".*" ".*" ".*" >/dev/null; then
        REMOTE_LINES="$REMOTE_LINES
$(printf '%-8s %10s' "mgr+${n}w" "n/a")  cannot create the RabbitMQ virtual host $REMOTE_VHOST (rabbitmqctl add_vhost)"
        remote_cleanup
        return
    fi
    local common=(--spring.profiles.active=postgres --reconciliation.db-schema="$REMOTE_SCHEMA"
                  --spring.rabbitmq.host=127.0.0.1 --spring.rabbitmq.port=5672 --spring.rabbitmq.virtual-host="$REMOTE_VHOST")
    rm -rf "$SCRATCH/out-$name"
    REMOTE_RAN[$n]=1
    for i in $(seq "$n"); do
        log=$SCRATCH/worker-$name-$i.log
        "$TIME" -v -o "$SCRATCH/worker-$name-$i.time" java -Xmx"$XMX" -jar "$JAR" "${common[@]}" \
            --reconciliation.role=worker --reconciliation.workers=1 > "$log" 2>&1 &
        WORKER_PIDS+=($!)
        # one after the other: the first creates the schema
        ready=0
        for _ in $(seq 600); do
            grep -qs "reconciliation.partitions" "$log" && { ready=1; break; }
            kill -0 "${WORKER_PIDS[-1]}" 2>/dev/null || break
            sleep 0.5
        done
        if [ "$ready" != 1 ]; then
            REMOTE_LINES="$REMOTE_LINES
$(printf '%-8s %10s' "mgr+${n}w" "n/a")  worker $i did not start: $(tail -n 3 "$log" | tr '\n' ' ')"
            remote_cleanup
            return
        fi
        echo "worker $i ready: $(grep -m 1 "reconciliation.partitions" "$log")"
    done
    "$TIME" -v -o "$SCRATCH/manager-$name.time" timeout "$JOB_TIMEOUT" java -Xmx"$XMX" -jar "$JAR" "${common[@]}" \
        --reconciliation.role=manager --reconciliation.workers="$n" \
        --input="$GEN" --output="$SCRATCH/out-$name" --period="$PERIOD" > "$SCRATCH/manager-$name.log" 2>&1
    rc=$?
    tail -n 3 "$SCRATCH/manager-$name.log"
    stop_workers
    wall=$(elapsed "$SCRATCH/manager-$name.time")
    steps=$(psql -h 127.0.0.1 -U postgres -d test -tA -F ' ' -c "SELECT STEP_NAME, ROUND(EXTRACT(EPOCH FROM END_TIME - START_TIME)::numeric, 1)
        FROM $REMOTE_SCHEMA.BATCH_STEP_EXECUTION WHERE STEP_NAME NOT LIKE '%:%' ORDER BY STEP_EXECUTION_ID" 2>/dev/null \
        | awk '{ printf "%s%s %s s", sep, $1, $2; sep = ", " }')
    # the partitions as the workers ran them: how many, the sum of their times, the shortest and the longest
    parts=$(psql -h 127.0.0.1 -U postgres -d test -tA -F ' ' -c "SELECT COUNT(*), ROUND(SUM(EXTRACT(EPOCH FROM END_TIME - START_TIME))::numeric, 1),
        ROUND(MIN(EXTRACT(EPOCH FROM END_TIME - START_TIME))::numeric, 1), ROUND(MAX(EXTRACT(EPOCH FROM END_TIME - START_TIME))::numeric, 1),
        SUM(READ_COUNT) FROM $REMOTE_SCHEMA.BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'readAndValidateFiles:%' AND STATUS = 'COMPLETED'" 2>/dev/null \
        | awk '{ printf "%s partitions completed, %s s in all (%s to %s s each), %s rows read", $1, $2, $3, $4, $5 }')
    same="CSVs differ from the standalone H2 run's"
    if [ "$rc" -le 1 ] && cmp -s "$SCRATCH/out/$PERIOD/reconciliation.csv" "$SCRATCH/out-$name/$PERIOD/reconciliation.csv" \
            && cmp -s "$SCRATCH/out/$PERIOD/county-breakdown.csv" "$SCRATCH/out-$name/$PERIOD/county-breakdown.csv"; then
        same="reconciliation.csv and county-breakdown.csv byte-identical to the standalone H2 run's"
    fi
    ratio=$(awk -v m="$wall" -v j="$JOB_S" 'BEGIN { if (j > 0) printf "%.2f", m / j; else print "n/a" }')
    ratio_pg=""
    [ -n "${PG_S:-}" ] && ratio_pg=", $(awk -v m="$wall" -v j="$PG_S" 'BEGIN { if (j > 0) printf "%.2f", m / j; else print "n/a" }')x the standalone PostgreSQL run"
    worker_rss=""
    local ran=""
    for i in $(seq "$n"); do
        worker_rss="$worker_rss${worker_rss:+, }$(peak_mb "$SCRATCH/worker-$name-$i.time")"
        ran="$ran${ran:+, }worker $i $(grep -c 'readAndValidateFiles:partition[0-9]* COMPLETED' "$SCRATCH/worker-$name-$i.log")"
    done
    REMOTE_LINES="$REMOTE_LINES
$(printf '%-8s %10s %12s %14s  %s' "mgr+${n}w" "$wall" "$(per_second "$ROWS" "$wall")" "$(peak_mb "$SCRATCH/manager-$name.time")" \
        "exit status $rc; ${ratio}x the standalone H2 run${ratio_pg}; workers' peak RSS $worker_rss MB; $same")
  its steps: ${steps:-n/a}
  its partitions: ${parts:-n/a}; completed by $ran"
    remote_cleanup
}

if [ "${BENCH_REMOTE:-1}" = 1 ] && command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432 \
        && command -v rabbitmqctl >/dev/null && (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null; then
    REMOTE_LINES="manager and workers over RabbitMQ and PostgreSQL (each worker process --reconciliation.workers=1; manager --reconciliation.workers=<processes>):"
    run_remote 1
    run_remote 2
fi

echo
echo "== planted mismatches =="
RECON=$SCRATCH/out/$PERIOD/reconciliation.csv
if [ -f "$RECON" ]; then
    java -cp "$SCRATCH/duckdb-classes:$DUCKDB_CP" DuckDbBench check-job "$RECON" "$GEN/expected-mismatches.csv" | tee "$SCRATCH/check.log"
    CHECK_RC=${PIPESTATUS[0]}
    JOB_CHECK=$(tail -n 1 "$SCRATCH/check.log")
else
    CHECK_RC=0
    JOB_CHECK="the job wrote no reconciliation.csv; check skipped"
    echo "$JOB_CHECK"
fi

# 6. the figures
{
    echo
    echo "== national benchmark: $COUNTIES counties x $INDICATORS indicators, $ROWS submission rows, $SIZE_MB MB, $PLANTED planted mismatches =="
    echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB; java -Xmx$XMX; the job on $(nproc) workers (reconciliation.workers, default)"
    echo "$GEN_LINE"
    echo "load average (1, 5, 15 min) before: $LOAD_BEFORE; after: $(load)"
    printf '%-8s %10s %12s %14s  %s\n' "" "wall s" "rows/s" "peak RSS MB" "outcome"
    printf '%-8s %10s %12s %14s  %s\n' "DuckDB" "$DUCKDB_S" "$(per_second "$ROWS" "$DUCKDB_S")" "$(peak_mb "$SCRATCH/duckdb.time")" \
        "exit status $DUCKDB_RC; $(tail -n 1 "$SCRATCH/duckdb.log")"
    JOB_RATE=n/a
    [ "$JOB_RC" -le 1 ] && JOB_RATE=$(per_second "$ROWS" "$JOB_S")
    printf '%-8s %10s %12s %14s  %s\n' "job" "$JOB_S" "$JOB_RATE" "$(peak_mb "$SCRATCH/job.time")" "$JOB_OUTCOME; database ${H2_MB:-n/a} MB (H2 file)"
    echo "$ONE_LINE"
    echo "$PG_LINE"
    echo "$REMOTE_LINES"
    if [ "$JOB_RC" -le 1 ]; then
        echo "job / DuckDB wall time: $(awk -v j="$JOB_S" -v d="$DUCKDB_S" 'BEGIN { printf "%.1f", j / d }')x"
    else
        echo "job / DuckDB wall time: n/a (the job did not complete; its time above is the time to fail)"
    fi
    echo "job's steps: ${STEPS:-n/a}"
    # CPU time says more than wall time when other work shares the cores
    CPU_LINE="CPU s (user + system): DuckDB $(cpu_s "$SCRATCH/duckdb.time"), job $(cpu_s "$SCRATCH/job.time")"
    [ -f "$SCRATCH/job-1.time" ] && [ "${BENCH_ONE_WORKER:-1}" = 1 ] && CPU_LINE="$CPU_LINE, job (1w) $(cpu_s "$SCRATCH/job-1.time")"
    [ -n "${PG_S:-}" ] && CPU_LINE="$CPU_LINE, job (PG) $(cpu_s "$SCRATCH/job-pg.time")"
    for n in 1 2; do
        if [ -n "${REMOTE_RAN[$n]:-}" ]; then
            CPU_LINE="$CPU_LINE, mgr+${n}w manager $(cpu_s "$SCRATCH/manager-mq$n.time") + workers"
            for i in $(seq "$n"); do CPU_LINE="$CPU_LINE $(cpu_s "$SCRATCH/worker-mq$n-$i.time")"; done
        fi
    done
    echo "$CPU_LINE"
    echo "job's mismatches: $JOB_CHECK"
} | tee "$SCRATCH/results.txt"
echo "(figures kept in $SCRATCH/results.txt; logs in $SCRATCH)"

# exit 0 when the figures were measured and nobody found other mismatches than the planted ones
[ "$DUCKDB_RC" -eq 0 ] && [ "$CHECK_RC" -eq 0 ]
