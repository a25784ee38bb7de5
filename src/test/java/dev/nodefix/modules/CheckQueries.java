package dev.nodefix.modules;

import dev.nodefix.query.ConnectQuery;
import dev.nodefix.query.FactsQuery;
import dev.nodefix.query.K3sVersionQuery;
import dev.nodefix.query.Query;
import dev.nodefix.query.WaitCondition;
import dev.nodefix.query.WaitQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The state entries of the check modules (probe, wait_for, assert) in a module case, as their queries. */
final class CheckQueries {
    private CheckQueries() {}

    static Optional<Query> of(Map<?, ?> e) {
        boolean want = !Boolean.FALSE.equals(e.get("want"));
        if (e.get("connect") != null) {
            String[] target = hostPort(e.get("connect"));
            return Optional.of(new ConnectQuery(target[0], Integer.parseInt(target[1]), seconds(e, 5)));
        }
        if (e.get("wait_port") != null) {
            String[] target = hostPort(e.get("wait_port"));
            return wait(new WaitCondition.Port(target[0], Integer.parseInt(target[1]), want), e);
        }
        if (e.get("wait_path") != null) {
            return wait(new WaitCondition.Path(String.valueOf(e.get("wait_path")), want), e);
        }
        if (e.get("wait_unit") != null) {
            return wait(new WaitCondition.Unit(String.valueOf(e.get("wait_unit")), want), e);
        }
        if (e.get("k3s_version") != null) {
            return Optional.of(new K3sVersionQuery());
        }
        if (e.get("facts") != null) {
            return Optional.of(FactsQuery.shipped());
        }
        return Optional.empty();
    }

    static String file(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Optional<Query> wait(WaitCondition condition, Map<?, ?> e) {
        return Optional.of(new WaitQuery(condition, seconds(e, 60)));
    }

    private static String[] hostPort(Object value) {
        String text = String.valueOf(value);
        int colon = text.lastIndexOf(':');
        return new String[] {text.substring(0, colon), text.substring(colon + 1)};
    }

    private static Duration seconds(Map<?, ?> e, double fallback) {
        double s = e.get("timeout") instanceof Number n ? n.doubleValue() : fallback;
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
