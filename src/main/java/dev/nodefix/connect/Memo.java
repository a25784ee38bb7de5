package dev.nodefix.connect;

import java.util.Objects;
import java.util.function.Supplier;

/** A value computed once, on first use, by whichever thread asks first; later calls get the same value. */
final class Memo<T> implements Supplier<T> {
    private final Supplier<T> compute;
    private T value;

    Memo(Supplier<T> compute) {
        this.compute = Objects.requireNonNull(compute, "compute");
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = Objects.requireNonNull(compute.get(), "memoised value");
        }
        return value;
    }
}
