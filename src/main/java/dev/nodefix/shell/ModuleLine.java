package dev.nodefix.shell;

import dev.nodefix.module.Module;
import dev.nodefix.module.Param;
import dev.nodefix.module.ParamType;
import dev.nodefix.transport.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A module written as a shell line, {@code ethtool iface=flannel.1 features.tx-checksum-ip-generic=off --diff}: its
 * {@code key=value} words become {@code run -m}'s {@code -a} text (quoted again, once), its {@code -} words stay
 * options. A key that is not an argument of the module goes into its on/off mapping when it has one, so
 * {@code ethtool iface=flannel.1 tx-checksum-ip-generic=off} works too.
 */
record ModuleLine(String module, List<String> args, List<String> options) {
    ModuleLine {
        args = List.copyOf(args);
        options = List.copyOf(options);
    }

    static ModuleLine of(Module<?> module, List<String> words) {
        Optional<String> map = module.params().stream().filter(p -> p.type() == ParamType.SWITCH_MAP)
                .map(Param::name).findFirst();
        List<String> names = module.params().stream().map(Param::name).toList();
        List<String> args = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (String word : words) {
            if (word.startsWith("-")) {
                options.add(word);
                continue;
            }
            int eq = word.indexOf('=');
            String key = eq < 0 ? word : word.substring(0, eq);
            boolean bare = eq > 0 && !key.contains(".") && !names.contains(key);
            args.add(bare && map.isPresent() ? map.get() + "." + word : word);
        }
        return new ModuleLine(module.name(), args, options);
    }

    /** {@code -a}'s text: each word quoted for the module's own splitting, so values with spaces survive. */
    String argsText() {
        return String.join(" ", args.stream().map(Command::quote).toList());
    }
}
