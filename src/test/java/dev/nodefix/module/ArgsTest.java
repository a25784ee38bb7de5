package dev.nodefix.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgsTest {
    private static final List<Param> PARAMS = List.of(
            Param.required("path", ParamType.PATH, "a path"),
            Param.optional("on", ParamType.SWITCH, "a switch"),
            Param.withDefault("timeout", ParamType.SECONDS, "30", "seconds"),
            Param.optional("mode", ParamType.MODE, "mode"),
            Param.choice("state", "present", "state", "present", "absent"),
            Param.optional("count", ParamType.INT, "n"),
            Param.optional("a", ParamType.STRING, "a"),
            Param.optional("b", ParamType.STRING, "b"));

    @Test
    void typedValuesAndDefaults() {
        Args args = new Args("m", PARAMS, Map.of("path", "/etc/x", "on", "yes", "mode", "644", "count", 3));

        assertThat(args.string("path")).isEqualTo("/etc/x");
        assertThat(args.switchOn("on")).isTrue();
        assertThat(args.seconds("timeout")).isEqualTo(Duration.ofSeconds(30));
        assertThat(args.string("mode")).isEqualTo("0644");
        assertThat(args.string("state")).isEqualTo("present");
        assertThat(args.integer("count")).isEqualTo(3);
        assertThat(args.has("a")).isFalse();
    }

    @Test
    void playbookBooleansAreSwitches() {
        assertThat(new Args("m", PARAMS, Map.of("path", "/x", "on", false)).switchOn("on")).isFalse();
    }

    @Test
    void everyProblemNamesTheModuleAndKey() {
        assertThatThrownBy(() -> new Args("m", PARAMS, Map.of("pth", "/x"))).isInstanceOf(ArgException.class)
                .hasMessageContaining("m: pth: unknown argument (did you mean 'path'?)");
        assertThatThrownBy(() -> new Args("m", PARAMS, Map.of())).hasMessageContaining("m: path: required argument is missing");
        assertThatThrownBy(() -> new Args("m", PARAMS, Map.of("path", "etc/x"))).hasMessageContaining("absolute path");
        assertThatThrownBy(() -> new Args("m", PARAMS, Map.of("path", "/etc/../x"))).hasMessageContaining("without '..'");
        assertThatThrownBy(() -> new Args("m", PARAMS, Map.of("path", "/x", "on", "maybe"))).hasMessageContaining("on or off");
        assertThatThrownBy(() -> new Args("m", PARAMS, Map.of("path", "/x", "mode", 644))).hasMessageContaining("quote file modes");
        assertThatThrownBy(() -> new Args("m", PARAMS, Map.of("path", "/x", "state", "presnt")))
                .hasMessageContaining("expected one of present, absent, got 'presnt' (did you mean 'present'?)");
        assertThatThrownBy(() -> new Args("m", PARAMS, Map.of("path", "/x", "count", "many"))).hasMessageContaining("whole number");
        assertThatThrownBy(() -> new Args("m", PARAMS, Map.of("path", "/x", "timeout", "-1"))).hasMessageContaining("seconds");
    }

    @Test
    void exclusiveArgumentsAreRefused() {
        Args args = new Args("m", PARAMS, Map.of("path", "/x", "a", "1", "b", "2"));

        assertThatThrownBy(() -> args.exclusive("a", "b")).isInstanceOf(ArgException.class)
                .hasMessageContaining("a and b are mutually exclusive");
    }
}
