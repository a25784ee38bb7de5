package dev.nodefix.query;

import java.util.Base64;

/** Parses what {@link Query.File#script()} printed: {@code MODE OWNER GROUP} then the content in base64. */
final class FileStateText {
    private FileStateText() {}

    static FileState parse(String path, String output, int exitCode) {
        if (exitCode == 44) {
            return FileState.absent();
        }
        if (exitCode != 0) {
            throw new StateException("cannot read " + path + ": " + output.strip());
        }
        int newline = output.indexOf('\n');
        String head = newline < 0 ? output : output.substring(0, newline);
        String body = newline < 0 ? "" : output.substring(newline + 1).strip();
        String[] words = head.strip().split(" ");
        if (words.length != 3) {
            throw new StateException("unexpected stat output for " + path + ": " + head);
        }
        return new FileState.Present(Base64.getDecoder().decode(body), words[0], words[1], words[2]);
    }
}
