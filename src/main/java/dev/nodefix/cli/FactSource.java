package dev.nodefix.cli;

import dev.nodefix.engine.HostRun;
import dev.nodefix.evidence.LooseEvidence;
import dev.nodefix.fact.CollectorScript;
import dev.nodefix.fact.HostFacts;
import dev.nodefix.fact.NodeFacts;
import dev.nodefix.inventory.InputException;
import dev.nodefix.inventory.InputFile;
import dev.nodefix.report.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Where facts come from: the collector run live over SSH, or captured collector output or pasted evidence read from files. */
final class FactSource {
    /**
     * @param exitCode as {@link RemoteRun.Outcome#exitCode()}, 0 for captured output
     * @param loose    the hosts read from pasted evidence, with what each piece was taken for
     */
    record Results(List<HostFacts> hosts, int exitCode, List<LooseEvidence> loose) {
        Results {
            hosts = List.copyOf(hosts);
            loose = List.copyOf(loose);
        }

        Results(List<HostFacts> hosts, int exitCode) {
            this(hosts, exitCode, List.of());
        }
    }

    private FactSource() {}

    static Results live(CliContext ctx, InventoryOptions inventory, ConnectionOptions connection, BecomeOptions become) {
        CollectorScript collector = CollectorScript.load();
        RemoteRun.Outcome outcome = new RemoteRun(ctx).run(inventory, connection, become, collector::command);
        return new Results(outcome.runs().stream().map(FactSource::facts).toList(), outcome.exitCode());
    }

    static HostFacts facts(HostRun run) {
        String host = run.host().name();
        if (run instanceof HostRun.Completed c && c.result().stdout().contains("@@nodefix:section ")) {
            return new HostFacts.Collected(host, NodeFacts.parse(c.result().stdout()));
        }
        if (run instanceof HostRun.Completed c) {
            return new HostFacts.NotCollected(host, "failed", "collector exited " + c.result().exitCode()
                    + " without output: " + c.result().stderr().strip());
        }
        if (run instanceof HostRun.Unreachable u) {
            return new HostFacts.NotCollected(host, "unreachable", u.error().getMessage());
        }
        HostRun.Errored e = (HostRun.Errored) run;
        return new HostFacts.NotCollected(host, "failed", e.failure() + ": " + e.message());
    }

    /**
     * Offline facts from each {@code --from} path: a directory of collector captures (one file per host, named
     * after it; dot files skipped), a directory of pasted files (one host, named after the directory), a directory
     * of such directories (a host each), a capture file (a host named after it), or pasted files named one by one
     * (together one host, named after the first one's directory).
     */
    static Results captured(Path path) {
        return captured(List.of(path));
    }

    static Results captured(List<Path> paths) {
        List<HostFacts> hosts = new ArrayList<>();
        List<LooseEvidence> loose = new ArrayList<>();
        Map<String, String> looseFiles = new LinkedHashMap<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                directory(path, hosts, loose);
            } else if (Files.isRegularFile(path) && isCapture(path)) {
                hosts.add(read(path));
            } else if (Files.isRegularFile(path)) {
                looseFiles.put(shown(path), text(path));
            } else {
                throw new IllegalArgumentException("--from " + path + ": not a directory or a file");
            }
        }
        if (!looseFiles.isEmpty()) {
            Path first = paths.stream().filter(Files::isRegularFile).filter(p -> !isCapture(p)).findFirst().orElseThrow();
            loose.add(LooseEvidence.read(hostOf(first.toAbsolutePath().getParent()), looseFiles));
        }
        loose.forEach(l -> hosts.add(new HostFacts.Collected(l.host(), l.facts())));
        return new Results(hosts, ExitCode.OK, loose);
    }

    private static void directory(Path dir, List<HostFacts> hosts, List<LooseEvidence> loose) {
        List<Path> files = list(dir).stream().filter(Files::isRegularFile).toList();
        List<Path> dirs = list(dir).stream().filter(Files::isDirectory).toList();
        List<Path> pasted = files.stream().filter(f -> !isCapture(f)).toList();
        if (pasted.size() < files.size() && !pasted.isEmpty()) {
            throw new IllegalArgumentException("--from " + dir + ": holds collector captures and pasted files ("
                    + pasted.get(0).getFileName() + "): give the pasted outputs a directory of their own");
        }
        if (!files.isEmpty() && pasted.isEmpty()) {
            files.stream().map(FactSource::read).forEach(hosts::add);
        } else if (files.isEmpty() && !dirs.isEmpty()) {
            dirs.forEach(d -> directory(d, hosts, loose));
        } else {
            Map<String, String> texts = new LinkedHashMap<>();
            files.forEach(f -> texts.put(shown(f), text(f)));
            loose.add(LooseEvidence.read(hostOf(dir), texts));
        }
    }

    /** A pasted file as named in explanations: its directory and name ({@code node1/iptables.txt}). */
    private static String shown(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.getParent() == null || abs.getParent().getFileName() == null ? abs.toString()
                : abs.getParent().getFileName().resolve(abs.getFileName()).toString();
    }

    private static String hostOf(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? "evidence" : name.toString();
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("--from " + dir + ": cannot list the directory: " + e.getMessage());
        }
    }

    private static boolean isCapture(Path file) {
        return text(file).contains("@@nodefix:section ");
    }

    /** A captured or pasted file's text; one nodefix cannot read says what --from expects. */
    private static String text(Path file) {
        try {
            return InputFile.read(file, "captured output");
        } catch (InputException e) {
            throw new InputException(e.location(), e.reason() + " (--from reads collector captures and pasted"
                    + " command output, one text file each)");
        }
    }

    private static HostFacts read(Path file) {
        return new HostFacts.Collected(file.getFileName().toString(), NodeFacts.parse(text(file)));
    }
}
