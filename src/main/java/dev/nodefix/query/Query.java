package dev.nodefix.query;

import dev.nodefix.transport.Command;
import java.util.Objects;

/**
 * One piece of node state a module's plan depends on, read in the same round trip as every other query of
 * the task ({@link StateReader}). Each query knows the POSIX sh that prints it and how to parse that back.
 */
public sealed interface Query permits Query.File, Query.Offload, Query.Unit, ConnectQuery, WaitQuery, FactsQuery, OnLinkQuery,
        K3sVersionQuery, K3sSourcesQuery,
        DirQuery {
    /** The sh snippet that prints this query's raw value; its exit code is recorded with the output. */
    String script();

    /** How long this query may take on the node beyond a quick read (waits, connects); zero for most. */
    default java.time.Duration budget() {
        return java.time.Duration.ZERO;
    }

    /** The wait this query makes on the node (wait_for's), for a progress line; empty for a quick read. */
    default java.util.Optional<Waiting> waits() {
        return java.util.Optional.empty();
    }

    /** The typed value from what {@link #script()} printed and its exit code. Pure and total. */
    Object parse(String output, int exitCode);

    /**
     * The fact collector's section that runs this very command (same command line, so the same output and exit
     * code), if any: a read ahead that runs the collector in the same script answers this query from that
     * section instead of running the command a second time ({@link StateReader#commandAhead}).
     */
    default java.util.Optional<String> collectorSection() {
        return java.util.Optional.empty();
    }

    /** A file's content, mode, owner and group, or its absence. */
    record File(String path) implements Query {
        public File {
            Objects.requireNonNull(path, "path");
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("path must be absolute: " + path);
            }
        }

        @Override
        public String script() {
            String p = Command.quote(path);
            return "if [ -L " + p + " ]; then echo 'a symbolic link: nodefix changes regular files only'; exit 3;"
                    + " elif [ -f " + p + " ]; then stat -c '%a %U %G' " + p + " && base64 -w0 < " + p
                    + "; elif [ -e " + p + " ]; then echo 'not a regular file'; exit 3; else exit 44; fi";
        }

        @Override
        public FileState parse(String output, int exitCode) {
            return FileStateText.parse(path, output, exitCode);
        }
    }

    /** {@code ethtool -k IFACE}: the device's offload features, or its absence. */
    record Offload(String iface) implements Query {
        public Offload {
            Objects.requireNonNull(iface, "iface");
        }

        @Override
        public String script() {
            return "ethtool -k " + Command.quote(iface) + " 2>&1";
        }

        @Override
        public OffloadState parse(String output, int exitCode) {
            return OffloadState.parse(iface, output, exitCode);
        }

        /** The collector's ethtool-features section for the device it lists ({@code ethtool -k flannel.1}). */
        @Override
        public java.util.Optional<String> collectorSection() {
            return dev.nodefix.fact.EthtoolFeatures.COMMAND.equals("ethtool -k " + iface)
                    ? java.util.Optional.of(dev.nodefix.fact.EthtoolFeatures.FACT.section()) : java.util.Optional.empty();
        }
    }

    /** A systemd unit: whether its file exists, its enablement and its active state. */
    record Unit(String unit) implements Query {
        public Unit {
            Objects.requireNonNull(unit, "unit");
        }

        @Override
        public String script() {
            String u = Command.quote(unit);
            return "systemctl show -p LoadState -p UnitFileState -p ActiveState " + u + " 2>/dev/null";
        }

        @Override
        public UnitState parse(String output, int exitCode) {
            return UnitState.parse(unit, output);
        }
    }
}
