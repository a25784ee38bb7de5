package dev.nodefix.fact;

import dev.nodefix.inventory.Host;
import dev.nodefix.transport.Command;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The POSIX sh collector ({@code collector.sh} next to this class). It is sent on stdin to {@code /bin/sh -s},
 * so it runs the same whatever the login shell, in one SSH round trip. Its arguments are the other nodes' IP
 * addresses ({@code sh -s -- 10.0.0.12 10.0.0.13}), for the {@link PeerRoutes} fact.
 */
public record CollectorScript(String text) {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern IP = Pattern.compile("[0-9a-fA-F.:]*[.:][0-9a-fA-F.:]*");

    public static CollectorScript load() {
        try (InputStream in = CollectorScript.class.getResourceAsStream("collector.sh")) {
            if (in == null) {
                throw new IllegalStateException("collector.sh is missing from the nodefix jar");
            }
            // interned: every load shares one string, so the queries that carry it (a read's cache keys) compare
            // by reference instead of character by character
            return new CollectorScript(new String(in.readAllBytes(), StandardCharsets.UTF_8).intern());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read collector.sh", e);
        }
    }

    /** The collector with no peers: its peer-routes section is present but empty. */
    public Command command() {
        return command(List.of());
    }

    /** The collector told about {@code peers} (IP addresses; anything else is dropped). */
    public Command command(List<String> peers) {
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-s"));
        List<String> ips = peers.stream().filter(p -> IP.matcher(p).matches()).distinct().toList();
        if (!ips.isEmpty()) {
            argv.add("--");
            argv.addAll(ips);
        }
        return Command.of(argv.toArray(String[]::new)).withStdin(text.getBytes(StandardCharsets.UTF_8))
                .withTimeout(TIMEOUT);
    }

    /** The collector for {@code self}: its peers are the addresses (ansible_host) of every other host of {@code all}. */
    public Command command(Collection<Host> all, Host self) {
        String own = self.connection().address();
        return command(all.stream().filter(h -> !h.name().equals(self.name()))
                .map(h -> h.connection().address()).filter(a -> !a.equals(own)).toList());
    }

    /** The collector's k3s sections called after the collector's main body starts ({@code nf_kernel}). */
    static final String K3S_SECTIONS = "nf_file k3s-config \"$NF_K3S_ETC/config.yaml\"\nnf_do k3s-config-d nf_dropins\n"
            + "NF_ENVFILES= NF_CONFIGS=\nnf_do k3s-units nf_units\nnf_do k3s-env nf_envfiles\nnf_config_other\n";

    /**
     * Only the k3s configuration sections ({@code k3s-config}, {@code k3s-config-d}, {@code k3s-units},
     * {@code k3s-env}, {@code k3s-config-other}): the collector's functions without its main body, then those
     * calls. What {@link K3sEffectiveConfig#from} reads, at a fraction of the whole collector's cost.
     */
    public String k3sConfigOnly() {
        int body = text.lastIndexOf("\nnf_kernel\n");
        if (body < 0) {
            throw new IllegalStateException("collector.sh has no main body starting with nf_kernel");
        }
        return text.substring(0, body) + "\n" + K3S_SECTIONS;
    }
}
