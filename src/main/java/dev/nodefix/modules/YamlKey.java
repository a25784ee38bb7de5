package dev.nodefix.modules;

import dev.nodefix.change.FileChange;
import dev.nodefix.module.Args;
import dev.nodefix.module.Module;
import dev.nodefix.module.Param;
import dev.nodefix.module.ParamType;
import dev.nodefix.module.Plan;
import dev.nodefix.query.DirQuery;
import dev.nodefix.query.FileState;
import dev.nodefix.query.NodeState;
import dev.nodefix.query.Query;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code yaml_key}: set or remove one top-level key of a YAML mapping file (k3s's config.yaml), keeping
 * comments and every other byte of the file. Values are compared as k3s reads them: as text. A new file is
 * created 0600 root:root (a k3s config may hold a token); an existing one keeps its mode and owner.
 */
public final class YamlKey implements Module<YamlKey.YamlKeyArgs> {
    private static final String KEY = "[A-Za-z0-9_][A-Za-z0-9_-]*\\+?";

    /** @param value a String, Boolean or Number, or a list of them; empty when the key is to be absent */
    public record YamlKeyArgs(String path, String key, boolean present, Optional<Object> value,
                              boolean followParentLinks) {
        public YamlKeyArgs {
            Objects.requireNonNull(path, "path");
            if (!key.matches(KEY)) {
                throw new IllegalArgumentException("not a top-level config key: " + key);
            }
            if (present != value.isPresent()) {
                throw new IllegalArgumentException("a value is needed exactly when the key is to be present");
            }
        }
    }

    @Override
    public String name() {
        return "yaml_key";
    }

    @Override
    public String description() {
        return "Set or remove one top-level key of a YAML file (k3s config.yaml), keeping comments and the rest as is.";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.required("path", ParamType.PATH, "the YAML file, e.g. /etc/rancher/k3s/config.yaml"),
                Param.required("key", ParamType.STRING, "a top-level key, e.g. flannel-backend"),
                Param.optional("value", ParamType.SCALARS, "a scalar or a list of scalars (required when present)"),
                Param.optional("follow_parent_links", ParamType.SWITCH,
                        "on: write even when a parent directory is a symbolic link (default: refuse)"),
                Param.choice("state", "present", "present or absent", "present", "absent"));
    }

    @Override
    public YamlKeyArgs bind(Args args) {
        boolean present = args.string("state").equals("present");
        String key = args.string("key");
        if (!key.matches(KEY)) {
            throw args.error("key", "expected a top-level key like flannel-backend (letters, digits, _ and -; no nested keys), got '"
                    + key + "'");
        }
        args.requireWhen(present, "value", "when state is present");
        if (!present && args.has("value")) {
            throw args.error("value", "makes no sense with state: absent");
        }
        return new YamlKeyArgs(args.string("path"), key, present, args.optionalScalars("value"),
                args.optionalSwitch("follow_parent_links").orElse(false));
    }

    @Override
    public List<Query> reads(YamlKeyArgs args) {
        List<Query> reads = new ArrayList<>(List.of(new Query.File(args.path())));
        reads.addAll(DirQuery.parentsOf(args.path()));
        return reads;
    }

    @Override
    public Plan plan(YamlKeyArgs args, NodeState state) {
        return ParentDirectories.of(args.path(), state).guard(args.followParentLinks(), () -> planFile(args, state));
    }

    private static Plan planFile(YamlKeyArgs args, NodeState state) {
        FileState before = state.file(args.path());
        if (!(before instanceof FileState.Present file)) {
            return args.present()
                    ? change(args.path(), before, FileState.Present.text(
                            YamlMappingText.single(args.key(), args.value().orElseThrow()), "600", "root", "root"))
                    : new Plan.NoOp(args.path() + " does not exist, so it has no " + args.key());
        }
        Optional<String> text = utf8(file.content());
        if (text.isEmpty()) {
            return new Plan.Refused(args.path() + " is not UTF-8 text");
        }
        YamlMappingText yaml;
        try {
            yaml = YamlMappingText.parse(text.get());
        } catch (YamlMappingText.Unsupported e) {
            return new Plan.Refused(args.path() + " " + e.getMessage());
        }
        List<YamlMappingText.Entry> found = yaml.entries(args.key());
        if (found.size() > 1) {
            return new Plan.Refused(args.path() + ": " + args.key() + " appears " + found.size() + " times (lines "
                    + found.stream().map(e -> String.valueOf(e.line())).collect(Collectors.joining(", "))
                    + "); nodefix will not guess which one counts");
        }
        if (found.size() == 1 && found.get(0).aliased()) {
            return new Plan.Refused(args.path() + ": the value of " + args.key() + " (line " + found.get(0).line()
                    + ") is or holds an alias (*name); nodefix will not edit around it");
        }
        return args.present() ? set(args, file, yaml, found) : remove(args, file, yaml, found);
    }

    private static Plan set(YamlKeyArgs args, FileState.Present file, YamlMappingText yaml,
                            List<YamlMappingText.Entry> found) {
        Object value = args.value().orElseThrow();
        if (found.size() == 1 && found.get(0).value().equals(Optional.of(YamlScalar.text(value)))) {
            return new Plan.NoOp(args.path() + ": " + args.key() + " is already " + shown(value));
        }
        String after = found.isEmpty() ? yaml.append(args.key(), value) : yaml.replace(found.get(0), value);
        return change(args.path(), file, withContent(file, after));
    }

    private static Plan remove(YamlKeyArgs args, FileState.Present file, YamlMappingText yaml,
                               List<YamlMappingText.Entry> found) {
        if (found.isEmpty()) {
            return new Plan.NoOp(args.path() + " has no " + args.key());
        }
        return change(args.path(), file, withContent(file, yaml.remove(found.get(0))));
    }

    private static Plan change(String path, FileState before, FileState after) {
        return new Plan.Changes(List.of(new FileChange(path, before, after)));
    }

    private static FileState withContent(FileState.Present file, String text) {
        return FileState.Present.text(text, file.mode(), file.owner(), file.group());
    }

    private static String shown(Object value) {
        return value instanceof List<?> list
                ? list.stream().map(YamlScalar::render).collect(Collectors.joining(", ", "[", "]"))
                : YamlScalar.render(value);
    }

    private static Optional<String> utf8(byte[] content) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
