package dev.nodefix.app;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code -v} and {@code -vv} turn on in slf4j-simple (quiet by default: simplelogger.properties): {@code -v}
 * nodefix's own steps (its loggers under {@code dev.nodefix}, at debug), {@code -vv} also the SSH library's INFO lines,
 * {@code -vvv} everything at debug. slf4j-simple reads its levels once, at the first logger, so they are set as
 * system properties before anything logs.
 */
final class LogLevels {
    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private LogLevels() {}

    /** The number of {@code -v}: each {@code --verbose}, and the v's of {@code -v}, {@code -vv}, {@code -vvv}. */
    static int verbosity(String[] args) {
        int v = 0;
        for (String a : args) {
            if (a.equals("--")) {
                break;
            }
            if (a.equals("--verbose")) {
                v++;
            } else if (a.matches("-v+")) {
                v += a.length() - 1;
            }
        }
        return v;
    }

    /** The slf4j-simple system properties for a verbosity; none for 0 (the properties file's off). */
    static Map<String, String> properties(int verbosity) {
        Map<String, String> p = new LinkedHashMap<>();
        if (verbosity > 0) {
            p.put(PREFIX + "log.dev.nodefix", "debug");
            p.put(PREFIX + "defaultLogLevel", verbosity >= 3 ? "debug" : verbosity == 2 ? "info" : "off");
        }
        return p;
    }

    /** Sets the levels for {@code args}' verbosity; call before the first logger is made. */
    static void apply(String[] args) {
        properties(verbosity(args)).forEach(System::setProperty);
    }
}
