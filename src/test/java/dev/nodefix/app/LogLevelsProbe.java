package dev.nodefix.app;

import org.slf4j.LoggerFactory;

/**
 * Run in a JVM of its own by {@link LogLevelsTest}: sets the levels from its arguments as {@link Main} does, then logs
 * one line at each level as nodefix and as sshj.
 */
public final class LogLevelsProbe {
    private LogLevelsProbe() {}

    public static void main(String[] args) {
        LogLevels.apply(args);
        for (String name : new String[] {"dev.nodefix.engine.Connections", "net.schmizz.sshj.transport.TransportImpl"}) {
            org.slf4j.Logger log = LoggerFactory.getLogger(name);
            log.debug("{} debug", name);
            log.info("{} info", name);
            log.warn("{} warn", name);
        }
    }
}
