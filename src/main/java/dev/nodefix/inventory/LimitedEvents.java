package dev.nodefix.inventory;

import java.util.Optional;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * A YAML parser's events, counted as the composer takes them: more than {@link YamlLimits#MAX_DEPTH} open
 * mappings and sequences, or more than {@link YamlLimits#MAX_ALIASES} aliases, stop the document at the event that
 * went over, before the composer (which recurses once per level) can run out of stack.
 */
final class LimitedEvents implements Parser {
    private final Parser parser;
    private final String label;
    private int depth;
    private int aliases;

    LimitedEvents(Parser parser, String label) {
        this.parser = parser;
        this.label = label;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
        return parser.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return parser.hasNext();
    }

    @Override
    public Event next() {
        Event event = parser.next();
        switch (event.getEventId()) {
            case MappingStart, SequenceStart -> {
                if (++depth > YamlLimits.MAX_DEPTH) {
                    throw over(event, "YAML nested more than " + YamlLimits.MAX_DEPTH + " levels deep");
                }
            }
            case MappingEnd, SequenceEnd -> depth--;
            case Alias -> {
                if (++aliases > YamlLimits.MAX_ALIASES) {
                    throw over(event, "more than " + YamlLimits.MAX_ALIASES + " YAML aliases in one document");
                }
            }
            default -> { }
        }
        return event;
    }

    private InputException over(Event event, String reason) {
        return new InputException(at(label, event.getStartMark()), reason);
    }

    static Location at(String label, Optional<Mark> mark) {
        return mark.map(m -> new Location(label, m.getLine() + 1, m.getColumn() + 1)).orElse(new Location(label, 0, 0));
    }
}
