package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What k3s's journal ({@code journalctl -u k3s} / {@code -u k3s-agent}) and flanneld's or kube-proxy's own log say
 * ran: the backend flannel started with, whether it went on running or exited, flannel's nftables mode and
 * kube-proxy's mode. A started backend is stronger than a configured one (the configuration is what k3s was told;
 * this is what flannel did), but a start followed by {@code flannel exited} is no running VXLAN device. Only lines
 * that say something count: a journal cut by {@code grep} or trimmed by its publisher gives "cannot tell", never
 * "no", for what it does not show. The collector does not read the journal (a process that scans the unit's whole
 * journal on every node): this is read from pasted evidence.
 *
 * @param backend          the backend of the last flannel start ({@code Starting flannel with backend vxlan},
 *                         flanneld's {@code Backend type: vxlan}, k3s's debug {@code configuration for backend vxlan})
 * @param flannelRunning   YES when the last start went on ({@code Running backend.}, {@code Wrote subnet file}, a new
 *                         flannel.1 device), NO when {@code flannel exited} (or flanneld shut down) after it
 * @param flannelNftables  flanneld's {@code Starting flannel in nftables mode} (YES) or {@code in iptables mode} (NO)
 * @param kubeProxyMode    {@code iptables}, {@code ipvs} or {@code nftables}, from {@code Using ... Proxier}
 * @param vxlanDevice      YES when the journal shows flannel.1 created as a VXLAN device (NetworkManager's line)
 * @param lines            the lines these were read from, as printed
 */
public record K3sJournal(Optional<String> backend, Observed flannelRunning, Observed flannelNftables,
        Optional<String> kubeProxyMode, Observed vxlanDevice, List<String> lines) {
    public static final String SECTION = "k3s-journal";
    public static final Fact<K3sJournal> FACT = Fact.of(SECTION, K3sJournal::parse);

    private static final Pattern STARTED = Pattern.compile("Starting flannel with backend ([\\w-]+)"
            + "|Found network config - Backend type: ([\\w-]+)"
            + "|Creating the flannel configuration for backend ([\\w-]+)");
    private static final Pattern RUNS = Pattern.compile("flannel\\.go:\\d+] Running backend\\b|Wrote subnet file to"
            + "|\\(flannel\\.1\\): new Vxlan device");
    private static final Pattern EXITED = Pattern.compile("flannel exited\\b|Stopping shutdownHandler");
    private static final Pattern NFT_MODE = Pattern.compile("Starting flannel in (nftables|iptables) mode");
    private static final Pattern PROXIER = Pattern.compile("Using (iptables|ipvs|nftables|userspace|kernelspace)"
            + " Proxier\\b|creating dualStackProxier for (iptables|ipvs|nftables)");
    private static final Pattern VXLAN = Pattern.compile("\\(flannel\\.1\\): new Vxlan device");

    public K3sJournal {
        lines = List.copyOf(lines);
    }

    static K3sJournal parse(Section section) {
        Optional<String> backend = Optional.empty();
        Observed running = Observed.CANNOT_TELL;
        Observed nft = Observed.CANNOT_TELL;
        Optional<String> proxy = Optional.empty();
        Observed vxlan = Observed.CANNOT_TELL;
        List<String> used = new ArrayList<>();
        for (String line : section.status() == Section.Status.RAN ? section.lines() : List.<String>of()) {
            Matcher started = STARTED.matcher(line);
            Matcher mode = NFT_MODE.matcher(line);
            Matcher proxier = PROXIER.matcher(line);
            boolean use = true;
            if (started.find()) {
                backend = Optional.of(first(started).toLowerCase(Locale.ROOT));
                running = Observed.CANNOT_TELL; // a (re)start: what came before it is over
            } else if (EXITED.matcher(line).find()) {
                running = Observed.NO;
            } else if (RUNS.matcher(line).find()) {
                running = Observed.YES;
            } else if (mode.find()) {
                nft = "nftables".equals(mode.group(1)) ? Observed.YES : Observed.NO;
            } else if (proxier.find()) {
                proxy = Optional.of(first(proxier));
            } else {
                use = false;
            }
            vxlan = VXLAN.matcher(line).find() ? Observed.YES : vxlan;
            if (use) {
                used.add(line.strip());
            }
        }
        return new K3sJournal(backend, running, nft, proxy, vxlan, used);
    }

    private static String first(Matcher m) {
        for (int i = 1; i <= m.groupCount(); i++) {
            if (m.group(i) != null) {
                return m.group(i);
            }
        }
        return m.group();
    }

    /** The backend flannel started with and did not exit from since: what it runs, as far as the log shows. */
    public Optional<String> runningBackend() {
        return flannelRunning == Observed.NO ? Optional.empty() : backend;
    }
}
