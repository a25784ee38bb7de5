package dev.nodefix.playbook;

/** One step of a play's {@code serial}: a number of hosts, or a percentage of the play's hosts. */
public sealed interface BatchSize permits BatchSize.Count, BatchSize.Percent {
    /** How many hosts this step takes out of {@code total}; at least 1. */
    int of(int total);

    /** {@code serial: 2}. */
    record Count(int hosts) implements BatchSize {
        public Count {
            if (hosts < 1) {
                throw new IllegalArgumentException("a batch has at least 1 host, got " + hosts);
            }
        }

        @Override
        public int of(int total) {
            return hosts;
        }

        @Override
        public String toString() {
            return Integer.toString(hosts);
        }
    }

    /** {@code serial: "30%"}: the share of the play's hosts, rounded down, at least 1 (as in Ansible). */
    record Percent(int percent) implements BatchSize {
        public Percent {
            if (percent < 1 || percent > 100) {
                throw new IllegalArgumentException("a percentage from 1 to 100, got " + percent);
            }
        }

        @Override
        public int of(int total) {
            return Math.max(1, total * percent / 100);
        }

        @Override
        public String toString() {
            return percent + "%";
        }
    }
}
