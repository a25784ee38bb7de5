#!/usr/bin/env python3
"""bench/lib/jmeasure.py OUT -- CMD...: run CMD (bin/nodefix, which execs java) with stdout+stderr to OUT and
print one line of KEY=VALUE figures of the java process alone:

  rc          CMD's exit code
  wall_ms     wall time
  comm        the measured process's name (java when bin/nodefix exec'd it; sh when the launcher's
              class-data-archive branch ran java as a child: then cpu_ms is the launcher's cutime+cstime,
              i.e. java and the launcher's mv -- warm the archive up first to avoid that)
  cpu_ms      utime+stime of the process (all its threads) read from /proc/PID/stat after it exited but
              before it is reaped (os.waitid(..., WEXITED | WNOWAIT) leaves it a zombie whose stat still
              holds the thread group's totals), in clock ticks -> ms; children (cutime+cstime) are added
  hwm_kib     peak RSS: VmHWM from /proc/PID/status, sampled every 20 ms while it runs (VmHWM only grows;
              a zombie has none, so the last sample is taken at most 20 ms before exit)
  heap_peak_kib   peak heap used: the largest young+old occupancy just before a GC or at exit (from
              -Xlog:gc+heap, passed in JAVA_TOOL_OPTIONS); includes garbage not yet collected
  heap_live_kib   the largest young+old occupancy right after a GC (what survived); 0 when no GC ran
  heap_committed_kib  the largest young+old capacity seen
  gcs         number of collections
The JVM's "Picked up JAVA_TOOL_OPTIONS" line goes to OUT like the rest of its stderr.
"""
import os
import re
import sys
import tempfile
import time


def status_kib(pid, key):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def stat_fields(pid):
    with open("/proc/%d/stat" % pid) as f:
        s = f.read()
    comm = s[s.index("(") + 1:s.rindex(")")]
    rest = s[s.rindex(")") + 2:].split()
    # rest[0] is field 3 (state); utime is field 14, stime 15, cutime 16, cstime 17
    return comm, int(rest[11]), int(rest[12]), int(rest[13]), int(rest[14])


GC_GEN = re.compile(r"GC\((\d+)\) (DefNew|Tenured): (\d+)K\((\d+)K\)->(\d+)K\((\d+)K\)")
EXIT_GEN = re.compile(r"(def new|tenured) generation\s+total (\d+)K, used (\d+)K")


def parse_gc(path):
    before, after, cap = {}, {}, {}
    exit_used = exit_cap = 0
    try:
        with open(path) as f:
            for line in f:
                m = GC_GEN.search(line)
                if m:
                    g = int(m.group(1))
                    before[g] = before.get(g, 0) + int(m.group(3))
                    after[g] = after.get(g, 0) + int(m.group(5))
                    cap[g] = cap.get(g, 0) + max(int(m.group(4)), int(m.group(6)))
                    continue
                m = EXIT_GEN.search(line)
                if m:
                    exit_cap += int(m.group(2))
                    exit_used += int(m.group(3))
    except OSError:
        pass
    peak = max(list(before.values()) + [exit_used])
    live = max(after.values()) if after else 0
    committed = max(list(cap.values()) + [exit_cap])
    return peak, live, committed, len(before)


def main():
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        sys.exit("usage: jmeasure.py OUT -- CMD...")
    out, cmd = sys.argv[1], sys.argv[3:]
    fd, gclog = tempfile.mkstemp(prefix="nodefix-bench-gc.", suffix=".log")
    os.close(fd)
    env = dict(os.environ)
    env["JAVA_TOOL_OPTIONS"] = (env.get("JAVA_TOOL_OPTIONS", "") + " -Xlog:gc*,gc+heap+exit:file=%s" % gclog).strip()
    tick = os.sysconf("SC_CLK_TCK")
    t0 = time.monotonic()
    with open(out, "wb") as o:
        pid = os.fork()
        if pid == 0:
            os.dup2(o.fileno(), 1)
            os.dup2(o.fileno(), 2)
            try:
                os.execvpe(cmd[0], cmd, env)
            finally:
                os._exit(127)
    hwm = 0
    while True:
        r = os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT | os.WNOHANG)
        if r is not None:
            break
        v = status_kib(pid, "VmHWM")
        if v is not None:
            hwm = max(hwm, v)
        time.sleep(0.02)
    wall_ms = (time.monotonic() - t0) * 1000
    comm, ut, st, cut, cst = stat_fields(pid)   # still a zombie: not reaped yet
    _, status = os.waitpid(pid, 0)
    rc = os.waitstatus_to_exitcode(status)
    peak, live, committed, gcs = parse_gc(gclog)
    os.unlink(gclog)
    cpu_ms = (ut + st + cut + cst) * 1000 // tick
    print("rc=%d wall_ms=%d comm=%s cpu_ms=%d hwm_kib=%d heap_peak_kib=%d heap_live_kib=%d heap_committed_kib=%d gcs=%d"
          % (rc, wall_ms, comm, cpu_ms, hwm, peak, live, committed, gcs))


if __name__ == "__main__":
    main()
