package dev.nodefix.fact;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an nftables chain does with kube-proxy's masquerade mark 0x4000 before it masquerades, read from nft's own
 * rendering: kube-proxy's nftables mode clears the mark ({@code meta mark & 0x00004000 == 0x00000000 return},
 * {@code meta mark set meta mark ^ 0x00004000}, {@code masquerade fully-random}); flannel's nftables mode returns
 * marked packets first ({@code meta mark 0x00004000 return}); iptables-nft's translations read the same way
 * ({@code meta mark & 0x00004000 == 0x00004000 ... masquerade fully-random} is an unfixed KUBE-POSTROUTING, shown
 * with its {@code --random-fully} even where an iptables older than 1.6.2 cannot print it).
 *
 * @param chain       the chain is in the listing (no: the listing shows its table whole, or is a whole ruleset)
 * @param fullyRandom a masquerade of the chain uses {@code fully-random}; empty when it has none or was not read
 * @param rules       the rules read, counters left out, for evidence
 */
public record NftMasquerade(Observed chain, Handling handling, Optional<Boolean> fullyRandom, List<String> rules) {
    /** The chain's treatment of the mark, up to its first masquerade. */
    public enum Handling {
        /** clears 0x4000 before masquerading: kube-proxy's fix (kubernetes PR 92035), also in nftables mode. */
        CLEARS_MARK,
        /** returns marked packets before masquerading: flannel's guard (v0.20.2 on, and its nftables mode). */
        RETURNS_MARKED,
        /** masquerades marked packets and leaves the mark set: kube-proxy before the fix. */
        MASQUERADES_MARKED,
        /** masquerades with no look at the mark. */
        UNGUARDED,
        /** lists no masquerade. */
        NO_MASQUERADE,
        /** not read, or cut before it decides. */
        UNKNOWN
    }

    private static final String MARK = "(?:meta )?mark";
    private static final String BIT = "0x0*4000";
    private static final Pattern MARKED = Pattern.compile(".*\\b" + MARK + " (?:(?:&|and) " + BIT + " (?:== )?" + BIT
            + "|(?:== )?" + BIT + ")(?:\\s.*|$)");
    private static final Pattern UNMARKED = Pattern.compile(".*\\b" + MARK + " (?:&|and) " + BIT + " (?:== (?:0x)?0+"
            + "|!= " + BIT + ")(?:\\s.*|$)");
    private static final Pattern CLEAR = Pattern.compile(".*\\b" + MARK + " set " + MARK + " (?:(?:\\^|xor) " + BIT
            + "|(?:&|and) 0x0*ffffbfff)\\b.*");
    private static final Pattern RETURN = Pattern.compile(".*\\breturn\\b.*");
    private static final Pattern MASQUERADE = Pattern.compile(".*\\bmasquerade\\b.*");

    public NftMasquerade {
        rules = List.copyOf(rules);
    }

    public static NftMasquerade notRead(Observed chain) {
        return new NftMasquerade(chain, Handling.UNKNOWN, Optional.empty(), List.of());
    }

    /** The reading of {@code rules} in order; {@code whole}: the chain is shown uncut. */
    public static NftMasquerade of(List<String> rules, boolean whole) {
        int first = firstMasquerade(rules);
        Optional<Boolean> fully = rules.stream().filter(r -> MASQUERADE.matcher(r).matches())
                .map(r -> r.contains("fully-random")).reduce(Boolean::logicalOr);
        Handling handling;
        if (first < 0) {
            handling = whole ? Handling.NO_MASQUERADE : Handling.UNKNOWN;
        } else {
            handling = handling(rules.subList(0, first), rules.get(first));
        }
        return new NftMasquerade(Observed.YES, handling, fully, rules);
    }

    private static int firstMasquerade(List<String> rules) {
        for (int i = 0; i < rules.size(); i++) {
            if (MASQUERADE.matcher(rules.get(i)).matches()) {
                return i;
            }
        }
        return -1;
    }

    private static Handling handling(List<String> before, String masquerade) {
        if (before.stream().anyMatch(r -> CLEAR.matcher(r).matches())) {
            return Handling.CLEARS_MARK;
        }
        if (before.stream().anyMatch(r -> RETURN.matcher(r).matches() && MARKED.matcher(r).matches())) {
            return Handling.RETURNS_MARKED;
        }
        boolean onlyMarked = before.stream().anyMatch(r -> RETURN.matcher(r).matches() && UNMARKED.matcher(r).matches());
        return onlyMarked || MARKED.matcher(masquerade).matches() ? Handling.MASQUERADES_MARKED : Handling.UNGUARDED;
    }
}
