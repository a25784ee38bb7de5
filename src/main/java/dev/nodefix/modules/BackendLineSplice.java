package dev.nodefix.modules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --flannel-backend VALUE} inside one line that is not an {@code ExecStart=}: a variable in an env file
 * ({@code K3S_ARGS="--flannel-backend=vxlan"}) or an {@code Environment=} line, which the command line's
 * {@code $VAR} expands. Only the value's characters are replaced; every other byte stays.
 */
final class BackendLineSplice {
    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--?flannel-backend(?:=|[ \\t]+)[\"']?([a-z0-9-]+)");

    private BackendLineSplice() {}

    /** {@code text} with every {@code --flannel-backend} value on line {@code line} (1-based) set to {@code want}. */
    static String withBackend(String path, String text, int line, String was, String want) {
        int start = 0;
        for (int i = 1; i < line; i++) {
            start = text.indexOf('\n', start) + 1;
            if (start == 0) {
                throw new K3sEditException(path + " has no line " + line + " (changed since it was read?)");
            }
        }
        int end = text.indexOf('\n', start);
        end = end < 0 ? text.length() : end;
        Matcher m = FLAG.matcher(text.substring(start, end));
        StringBuilder out = new StringBuilder(text);
        boolean found = false;
        int shift = 0;
        while (m.find()) {
            found |= m.group(1).equals(was);
            out.replace(start + m.start(1) + shift, start + m.end(1) + shift, want);
            shift += want.length() - m.group(1).length();
        }
        if (!found) {
            throw new K3sEditException(path + ":" + line + " sets --flannel-backend in a form nodefix does not rewrite"
                    + " (or it changed since it was read); edit it by hand");
        }
        return out.toString();
    }
}
