package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code nft list ruleset} (or {@code nft list table ...}) output as tables of chains: the collector's {@code nft}
 * section, or a paste. What it does not show is "cannot tell" unless it is a whole {@code nft list ruleset}.
 *
 * @param coverage what the listing can vouch for
 * @param problems error lines nft printed ({@code Error: ...}, {@code Operation not permitted})
 */
public record NftListing(Coverage coverage, List<NftTable> tables, List<String> problems) {
    /** How much of the kernel's nftables state a listing shows. */
    public enum Coverage {
        /** {@code nft list ruleset}, uncut: a table it does not show does not exist. */
        RULESET,
        /** whole tables ({@code nft list table ...}, or no command line to tell): only what it shows. */
        TABLES,
        /** cut: trimmed, elided, or starting inside a table. */
        FRAGMENT,
        /** nft ran and failed, or printed nothing readable. */
        UNREADABLE,
        /** nft is not installed. */
        NO_NFT,
        /** the collector did not list nftables (not needed, or an older collector). */
        NOT_COLLECTED
    }

    public static final String SECTION = "nft";
    public static final Fact<NftListing> FACT = Fact.of(SECTION, NftListing::parse);

    private static final Pattern TABLE = Pattern.compile("\\s*table\\s+(ip|ip6|inet|arp|bridge|netdev)\\s+(\\S+)\\s*\\{.*");
    private static final Pattern CHAIN = Pattern.compile("\\s*chain\\s+(\\S+)\\s*\\{.*");
    private static final Pattern MANAGED = Pattern.compile(".*table (\\w+) (\\S+) is managed by iptables-nft.*");
    private static final Pattern COMMAND = Pattern.compile("(?:.*[#$%>]\\s*)?(?:sudo\\s+)?(?:\\S*/)?nft\\s+(?:-\\S+\\s+)*list\\s+(\\w+).*");
    private static final Pattern CUT = Pattern.compile("\\s*(?:#\\s*\\[trimmed]|\\.\\.\\.|…|#.*\\bcut\\b).*");
    private static final Pattern PROBLEM = Pattern.compile(".*(?:^|\\s)(?:Error:|netlink: Error|Operation not permitted"
            + "|Permission denied|command not found|No such file or directory).*");
    private static final Pattern NOISE = Pattern.compile("\\s*(?:counter packets \\d+ bytes \\d+\\s*)|\\s+#\\s*handle \\d+\\s*$");

    public NftListing {
        tables = List.copyOf(tables);
        problems = List.copyOf(problems);
    }

    public static NftListing notCollected() {
        return new NftListing(Coverage.NOT_COLLECTED, List.of(), List.of());
    }

    static NftListing parse(Section section) {
        return switch (section.status()) {
            case MISSING -> notCollected();
            case ABSENT -> new NftListing(Coverage.NO_NFT, List.of(), List.of());
            case RAN -> read(section.lines(), section.exitCode().orElse(0) == 0);
        };
    }

    /** A listing from pasted lines (a prompt and command line may come first). */
    public static NftListing read(List<String> lines, boolean succeeded) {
        return new Reader().read(lines, succeeded);
    }

    public Optional<NftTable> table(String family, String name) {
        return tables.stream().filter(t -> t.is(family, name)).findFirst();
    }

    /** Whether the listing shows table {@code family name}: no only when it is a whole, uncut ruleset. */
    public Observed has(String family, String name) {
        if (table(family, name).isPresent()) {
            return Observed.YES;
        }
        return coverage == Coverage.RULESET ? Observed.NO : Observed.CANNOT_TELL;
    }

    /** A rule of nft's listing without its counters and handle, for matching and evidence. */
    static String clean(String rule) {
        return NOISE.matcher(rule).replaceAll(" ").replaceAll("\\s+", " ").strip();
    }

    /** The state of one read: open table and chain, depth, what was seen. */
    private static final class Reader {
        private final List<NftTable> tables = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private final Set<String> managed = new TreeSet<>();
        private List<NftChain> chains = new ArrayList<>();
        private String family;
        private String table;
        private String chain;
        private String base;
        private List<String> rules = new ArrayList<>();
        private int depth;
        private boolean cut;
        private String command = "";

        NftListing read(List<String> lines, boolean succeeded) {
            lines.forEach(this::line);
            if (table != null) {
                endChain();
                tables.add(new NftTable(family, table, chains, managed.contains(family + " " + table)
                        || NftTable.looksLikeIptables(table, chains), false));
                cut = true;
            }
            return new NftListing(coverage(succeeded), tables.stream().map(t -> managed.contains(t.family() + " "
                    + t.name()) && !t.iptablesNft() ? new NftTable(t.family(), t.name(), t.chains(), true, t.complete())
                    : t).toList(), problems);
        }

        private Coverage coverage(boolean succeeded) {
            if (tables.isEmpty() && (!succeeded || !problems.isEmpty())) {
                return Coverage.UNREADABLE;
            }
            if (cut) {
                return Coverage.FRAGMENT;
            }
            return "ruleset".equals(command) && succeeded ? Coverage.RULESET : Coverage.TABLES;
        }

        private void line(String raw) {
            String line = raw.replace("\r", "").stripTrailing();
            Matcher m;
            if ((m = MANAGED.matcher(line)).matches()) {
                managed.add(m.group(1) + " " + m.group(2));
            } else if (CUT.matcher(line).matches()) {
                cut = true;
            } else if (depth == 0 && (m = COMMAND.matcher(line)).matches()) {
                command = m.group(1);
            } else if (PROBLEM.matcher(line).matches()) {
                problems.add(line.strip());
            } else {
                structure(line);
            }
        }

        private void structure(String line) {
            Matcher m;
            if (depth == 0 && table == null && CHAIN.matcher(line).matches()) {
                cut = true; // the paste starts inside a table: keep its chains under an unnamed table
                family = "?";
                table = "?";
                chains = new ArrayList<>();
                depth = 1;
            }
            if (depth == 0 && (m = TABLE.matcher(line)).matches()) {
                family = m.group(1);
                table = m.group(2);
                chains = new ArrayList<>();
            } else if (depth == 1 && table != null && (m = CHAIN.matcher(line)).matches()) {
                chain = m.group(1);
                base = null;
                rules = new ArrayList<>();
            } else if (depth == 0 && !line.isBlank() && !line.strip().startsWith("#") && !line.strip().equals("}")) {
                cut = true; // a rule outside any table: the paste starts inside one
            } else if (depth == 2 && chain != null) {
                chainLine(line.strip());
            }
            move(line);
        }

        private void chainLine(String line) {
            if (line.startsWith("type ")) {
                base = line;
            } else if (!line.isEmpty() && !line.startsWith("comment ") && !line.startsWith("policy ")
                    && !line.equals("}") && !line.startsWith("#")) {
                rules.add(clean(line));
            }
        }

        private void move(String line) {
            String bare = line.replaceAll("\"[^\"]*\"", "");
            int opens = (int) bare.chars().filter(c -> c == '{').count();
            int closes = (int) bare.chars().filter(c -> c == '}').count();
            int before = depth;
            depth += opens - closes;
            if (depth < 0) {
                cut = true; // more closing braces than opening ones: the paste starts inside a block
                depth = 0;
            }
            if (before >= 2 && depth < 2 && chain != null) {
                endChain();
            }
            if (before >= 1 && depth < 1 && table != null) {
                endChain();
                tables.add(new NftTable(family, table, chains, NftTable.looksLikeIptables(table, chains), true));
                table = null;
            }
        }

        private void endChain() {
            if (chain != null) {
                chains.add(new NftChain(chain, Optional.ofNullable(base), rules));
                chain = null;
            }
        }
    }
}
