package dev.nodefix.ansiblecfg;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One run of a real Ansible command in a case's working directory, with only HOME, PATH and the case's variables. */
record AnsibleRun(int exit, String stdout, String stderr) {

    static void requireOnPath(String command) {
        boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
        if (!found) {
            fail(command + " not found on PATH: install ansible-core (apt-get install ansible-core)");
        }
    }

    static AnsibleRun of(Path root, Map<String, String> caseEnv, List<String> argv)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv).directory(root.resolve("cwd").toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", root.resolve("home").toString());
        env.put("LC_ALL", "C.UTF-8");
        env.putAll(caseEnv);
        Path out = Files.createTempFile(root, "ansible", ".out");
        Path err = Files.createTempFile(root, "ansible", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(argv + " did not finish in 60 s");
        }
        return new AnsibleRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
