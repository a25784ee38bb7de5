package dev.nodefix.playbook;

import dev.nodefix.inventory.Location;
import java.util.ArrayList;
import java.util.List;

/** The problems found so far in one playbook; thrown together at the end of the pass. */
final class Problems {
    private final List<PlaybookException.Problem> found = new ArrayList<>();

    void add(Location location, String message) {
        found.add(new PlaybookException.Problem(location, message));
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new PlaybookException(found);
        }
    }
}
