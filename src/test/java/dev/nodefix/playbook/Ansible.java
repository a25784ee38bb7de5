package dev.nodefix.playbook;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real {@code ansible-playbook} on this machine, run with a private ANSIBLE_HOME and no colour. */
final class Ansible {
    private static final Pattern MSG = Pattern.compile("=> \\{\\s*\"msg\": (\".*\")\\s*}", Pattern.DOTALL);

    private Ansible() {
    }

    /** What it printed (stdout and stderr) and its exit code; the first debug {@code msg} as a JSON string. */
    record Result(int exitCode, String out) {
        String msg() throws IOException {
            Matcher m = MSG.matcher(out);
            if (!m.find()) {
                return fail("no debug msg in:\n" + out);
            }
            return (String) com.fasterxml.jackson.jr.ob.JSON.std.anyFrom(m.group(1));
        }
    }

    static Result run(Path home, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("ANSIBLE_HOME", home.resolve("ansible").toString());
        env.put("ANSIBLE_LOCAL_TEMP", home.resolve("ansible/tmp").toString());
        env.put("ANSIBLE_NOCOLOR", "1");
        env.put("ANSIBLE_LOCALHOST_WARNING", "false");
        env.remove("ANSIBLE_CONFIG");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return fail("ansible-playbook not found on PATH: install ansible-core (apt-get install ansible-core)");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return fail("ansible-playbook did not finish in 60 s: " + command);
        }
        return new Result(p.exitValue(), out);
    }
}
