package dev.nodefix.query;

import dev.nodefix.transport.Command;
import java.util.Objects;

/** What {@link WaitQuery} waits for: an sh test that succeeds once the condition holds, and how it reads. */
public sealed interface WaitCondition permits WaitCondition.Port, WaitCondition.Path, WaitCondition.Unit {
    /** POSIX sh that exits 0 when the condition holds now; every value in it is quoted. */
    String test();

    /** "port 10.0.0.1:6443 open", "/var/lib/x present", "k3s.service active". */
    String describe();

    /** What is waited for, after "waiting for": "port 10.0.0.1:6443 to be open", "k3s.service to be active". */
    default String awaited() {
        String d = describe();
        int space = d.lastIndexOf(' ');
        return d.substring(0, space) + " to be " + d.substring(space + 1);
    }

    /** A TCP port accepting connections ({@code open}) or refusing them (not open). */
    record Port(String host, int port, boolean open) implements WaitCondition {
        public Port {
            Objects.requireNonNull(host, "host");
            if (!host.matches(ConnectQuery.HOST)) {
                throw new IllegalArgumentException("not a host name or address: " + host);
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }

        @Override
        public String test() {
            String h = Command.quote(host);
            String url = Command.quote("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/");
            String probe = "{ if command -v nc >/dev/null 2>&1; then timeout 2 nc -z -w 1 " + h + " " + port
                    + " </dev/null >/dev/null 2>&1; else c=$(curl -so /dev/null -w '%{time_connect}' --connect-timeout 1"
                    + " -m 1 " + url + " 2>/dev/null); case $c in ''|0|0.0*) false;; *) true;; esac; fi; }";
            return open ? probe : "! " + probe;
        }

        @Override
        public String describe() {
            return "port " + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + (open ? " open" : " closed");
        }
    }

    /** A path that exists (any kind of file) or does not. */
    record Path(String path, boolean present) implements WaitCondition {
        public Path {
            Objects.requireNonNull(path, "path");
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("path must be absolute: " + path);
            }
        }

        @Override
        public String test() {
            String p = Command.quote(path);
            return present ? "{ [ -e " + p + " ] || [ -L " + p + " ]; }" : "! { [ -e " + p + " ] || [ -L " + p + " ]; }";
        }

        @Override
        public String describe() {
            return path + (present ? " present" : " absent");
        }
    }

    /** A systemd unit active, or settled as inactive or failed. */
    record Unit(String unit, boolean active) implements WaitCondition {
        public Unit {
            Objects.requireNonNull(unit, "unit");
        }

        @Override
        public String test() {
            String state = "$(systemctl is-active " + Command.quote(unit) + " 2>/dev/null)";
            return active ? "[ \"" + state + "\" = active ]"
                    : "case \"" + state + "\" in inactive|failed|unknown|'') true;; *) false;; esac";
        }

        @Override
        public String describe() {
            return unit + (active ? " active" : " inactive");
        }
    }
}
