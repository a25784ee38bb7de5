package dev.nodefix.secret;

import java.util.Arrays;
import java.util.Objects;

/** A password or passphrase. It prints as {@code ****} everywhere; only {@link #reveal()} gives the value. */
public final class Secret {
    private final char[] value;

    private Secret(char[] value) {
        this.value = value.clone();
    }

    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value").toCharArray());
    }

    public static Secret of(char[] value) {
        return new Secret(Objects.requireNonNull(value, "value"));
    }

    public char[] reveal() {
        return value.clone();
    }

    @Override
    public String toString() {
        return "****";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && Arrays.equals(value, s.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }
}
