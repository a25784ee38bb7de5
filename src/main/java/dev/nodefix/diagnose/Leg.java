package dev.nodefix.diagnose;

import dev.nodefix.fact.Observed;
import dev.nodefix.fact.Provenance;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One leg of the bug on a host: its value (yes, no, cannot tell), what the evidence says in words, where that
 * evidence comes from, and, while the leg is open, the command that would settle it.
 *
 * @param reading what the evidence shows, in words
 * @param sources the views the value was read from, with their lines
 * @param settle  the command that would settle the leg; present exactly when the value is "cannot tell"
 */
public record Leg(Name name, Observed value, String reading, List<Provenance> sources, Optional<String> settle) {
    /** The legs: the bug needs VXLAN, the offload on (not kept off) and a double-NAT path. */
    public enum Name {
        VXLAN("pods cross nodes over flannel.1, a VXLAN device"),
        OFFLOAD("tx-checksum-ip-generic is on on flannel.1"),
        KEPT_OFF("a udev rule or unit turns the offload off whenever flannel.1 appears"),
        DOUBLE_NAT("a VXLAN packet can be masqueraded twice with --random-fully");

        private final String question;

        Name(String question) {
            this.question = question;
        }

        /**
         * {@code vxlan}, {@code offload}, {@code kept-off}, {@code double-nat}: as text and HTML name them
         * ({@code --json} keys them snake_case).
         */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** What "yes" means for this leg. */
        public String question() {
            return question;
        }
    }

    public Leg {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reading, "reading");
        sources = List.copyOf(sources);
        Objects.requireNonNull(settle, "settle");
        if (settle.isPresent() != (value == Observed.CANNOT_TELL)) {
            throw new IllegalArgumentException(name + ": a settling command goes with 'cannot tell' only");
        }
    }

    static Leg known(Name name, Observed value, String reading, List<Provenance> sources) {
        return new Leg(name, value, reading, sources, Optional.empty());
    }

    static Leg open(Name name, String reading, List<Provenance> sources, String settle) {
        return new Leg(name, Observed.CANNOT_TELL, reading, sources, Optional.of(settle));
    }

    public boolean isOpen() {
        return value == Observed.CANNOT_TELL;
    }

    /** {@code yes}, {@code no}, {@code cannot tell}. */
    public String valueLabel() {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * The evidence lines, each with where it comes from ({@code `ethtool -k flannel.1` (host, complete): ...}); a
     * view with no line to quote (nothing listed, not collected) says what the leg reads from it.
     */
    public List<String> evidence() {
        return sources.stream().flatMap(s -> s.lines().isEmpty() ? Stream.of(s.describe() + ": " + reading)
                : s.lines().stream().map(l -> s.describe() + ": " + l)).toList();
    }
}
