package dev.nodefix.inventory;

import java.util.OptionalInt;

/** TCP port numbers as inventories write them: an integer, or a string of digits, from 1 to 65535. */
public final class Ports {
    private Ports() {}

    public static OptionalInt parse(Object value) {
        if (value instanceof Integer i) {
            return inRange(i);
        }
        if (value instanceof String s && s.strip().matches("[0-9]{1,5}")) {
            return inRange(Integer.parseInt(s.strip()));
        }
        return OptionalInt.empty();
    }

    private static OptionalInt inRange(int port) {
        return port >= 1 && port <= 65535 ? OptionalInt.of(port) : OptionalInt.empty();
    }
}
