package dev.nodefix.fact;

/** Whether the host's iptables offers {@code MASQUERADE --random-fully} ({@code iptables -j MASQUERADE --help}). */
public record RandomFullySupport(Support support) {
    public enum Support { SUPPORTED, UNSUPPORTED, UNKNOWN }

    public static final Fact<RandomFullySupport> FACT = Fact.of("masquerade-help", RandomFullySupport::parse);

    static RandomFullySupport parse(Section section) {
        if (section.lines().stream().anyMatch(l -> l.strip().startsWith("--random-fully"))) {
            return new RandomFullySupport(Support.SUPPORTED);
        }
        boolean helpShown = section.lines().stream().anyMatch(l -> l.contains("MASQUERADE target options"));
        return new RandomFullySupport(helpShown ? Support.UNSUPPORTED : Support.UNKNOWN);
    }
}
