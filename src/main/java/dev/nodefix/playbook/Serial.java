package dev.nodefix.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A play's {@code serial}: batch sizes in turn, the last one repeated until every host had its batch (as in
 * Ansible). No steps means all hosts in one batch.
 */
public record Serial(List<BatchSize> steps) {
    public static final Serial ALL = new Serial(List.of());

    public Serial {
        steps = List.copyOf(steps);
    }

    /**
     * {@code --serial N} or {@code --serial N%}: one batch size for every play.
     *
     * @throws IllegalArgumentException naming what was expected
     */
    public static Serial ofOption(String text) {
        try {
            return new Serial(List.of(text.endsWith("%")
                    ? new BatchSize.Percent(Integer.parseInt(text.substring(0, text.length() - 1)))
                    : new BatchSize.Count(Integer.parseInt(text))));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--serial: a number of hosts (2) or a percentage (30%), got '" + text
                    + "'", e);
        }
    }

    /** The size of each batch for {@code hosts} hosts, in order; they add up to {@code hosts}. */
    public List<Integer> batches(int hosts) {
        List<Integer> out = new ArrayList<>();
        int left = hosts;
        for (int i = 0; left > 0; i++) {
            int size = steps.isEmpty() ? left : steps.get(Math.min(i, steps.size() - 1)).of(hosts);
            out.add(Math.min(size, left));
            left -= size;
        }
        return out;
    }

    @Override
    public String toString() {
        return steps.isEmpty() ? "all" : steps.stream().map(BatchSize::toString).collect(Collectors.joining(", "));
    }
}
