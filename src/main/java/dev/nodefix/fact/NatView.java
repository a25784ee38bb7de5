package dev.nodefix.fact;

import java.util.Objects;

/**
 * One listing of the nat table as one iptables printed it. The kernel keeps two table sets, the legacy
 * ({@code ip_tables}) one and the nf_tables one, and the rules of both are live; each iptables binary reads one of
 * them ({@code iptables-legacy-save}, {@code iptables-nft-save}, the host's default {@code iptables-save}, k3s's
 * bundled copies, a container's own), and an iptables older than 1.6.2 reads the right set but cannot print
 * {@code --random-fully}.
 *
 * @param source    the collector section it came from ({@code iptables-nat}, {@code iptables-nat-legacy} ...)
 * @param command   the command that printed it, as a user would type it to read the same view again
 * @param backend   the table set it shows; {@link IptablesVersion.Mode#ABSENT} when the text does not say
 * @param blind     the printing iptables cannot print {@code --random-fully} (before 1.6.2)
 * @param container taken inside a container, whose iptables may read the other table set than the host's
 * @param section   its text, as the chain facts read it
 * @param text      that text cleaned for reading, parsed once for every chain fact
 * @param shown     the chains it shows, parsed once
 */
public record NatView(String source, String command, IptablesVersion.Mode backend, boolean blind, boolean container,
                      Section section, IptablesText text, IptablesView shown) {
    static final String LEGACY_WARNING = "iptables-legacy tables present";

    public NatView {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(shown, "shown");
    }

    /** A view of {@code section}'s text, parsed here once. */
    static NatView of(String source, String command, IptablesVersion.Mode backend, boolean blind, boolean container,
                      Section section, IptablesText text) {
        return new NatView(source, command, backend, blind, container, section, text, IptablesView.of(text));
    }

    /** The listing ran, succeeded and printed something. */
    public boolean read() {
        return section.succeeded() && section.hasOutput();
    }

    /**
     * iptables-nft said the legacy table set holds tables this listing does not show, or the listing's head, where
     * it says so, is cut away (a paste that starts with an elision): the warning may be what was cut.
     */
    public boolean warnsOfLegacyTables() {
        return section.lines().stream().anyMatch(l -> l.contains(LEGACY_WARNING))
                || section.status() == Section.Status.RAN && text.headCut();
    }

    /** {@code legacy}, {@code nf_tables}, or {@code unknown backend}. */
    public String backendName() {
        return backendName(backend);
    }

    public static String backendName(IptablesVersion.Mode mode) {
        return switch (mode) {
            case LEGACY -> "legacy";
            case NF_TABLES -> "nf_tables";
            case ABSENT -> "unknown backend";
        };
    }
}
