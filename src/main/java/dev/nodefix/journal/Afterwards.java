package dev.nodefix.journal;

import dev.nodefix.query.Query;
import java.util.Map;

/**
 * What later runs did to one run's changes on one host, so a rollback undoes only what is still that run's.
 *
 * @param undoneBy  seq of the run's change to the rollback run that undid it (its journal says done)
 * @param changedBy what a change observes to the later applying run that changed that same thing since
 */
public record Afterwards(Map<Integer, String> undoneBy, Map<Query, String> changedBy) {
    public static final Afterwards NONE = new Afterwards(Map.of(), Map.of());

    public Afterwards {
        undoneBy = Map.copyOf(undoneBy);
        changedBy = Map.copyOf(changedBy);
    }
}
