package io.github.xenacpi.api;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a forked validation says on its standard output, one line each: a tag, a space and the text, with
 * backslashes, line feeds and carriage returns escaped so that a firmware name cannot split a line. Tags:
 * {@code S} the child's main has started; {@code I}, {@code W}, {@code E}, {@code D} a log line at INFO, WARN,
 * ERROR, DEBUG; {@code X} the validation failed, with the reason; {@code P} the gate passed the build;
 * {@code F} the gate fails the build, with the message; {@code Z} the exit status of a job a daemon ran
 * ({@link ForkDaemon}), last. Any other line (a JVM's own warning) is passed on as a
 * warning once main has started, and kept until then.
 */
final class ForkProtocol {

    private ForkProtocol() {}

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The child's side: a run log whose lines go to standard output, and how the run ended. */
    static final class Writer implements RunLog {

        private final PrintStream out;

        Writer(PrintStream out) {
            this.out = out;
        }

        private void say(char tag, String text) {
            out.println(tag + " " + escape(text));
        }

        void started() {
            say('S', "");
        }

        @Override
        public void info(String line) {
            say('I', line);
        }

        @Override
        public void warn(String line) {
            say('W', line);
        }

        @Override
        public void error(String line) {
            say('E', line);
        }

        @Override
        public void debug(String line) {
            say('D', line);
        }

        /** The validation failed, for this reason: the build's JVM throws it as the goal would in process. */
        void failed(String reason) {
            say('X', reason);
        }

        /** The gate's decision: the message that fails the build, or none. */
        void ended(Optional<String> failure) {
            failure.ifPresentOrElse(message -> say('F', message), () -> say('P', ""));
        }

        /** The exit status of a job a daemon ran, which a JVM of its own would have exited with. */
        void status(int status) {
            say('Z', Integer.toString(status));
        }
    }

    /** The build's side: passes log lines on as they come and keeps how the child ended. */
    static final class Reader {

        private final RunLog log;
        private boolean started;
        private boolean ended;
        private OptionalInt status = OptionalInt.empty();
        private Optional<String> failure = Optional.empty();
        private Optional<String> error = Optional.empty();
        private Optional<String> lastOther = Optional.empty();
        private final List<String> beforeStart = new ArrayList<>();
        private final List<String> transcript = new ArrayList<>();

        Reader(RunLog log) {
            this.log = log;
        }

        void line(String line) {
            if (line.length() < 2 || line.charAt(1) != ' ') {
                other(line);
                return;
            }
            String text = unescape(line.substring(2));
            if ("SIWEDXPF".indexOf(line.charAt(0)) >= 0) {
                transcript.add(line);
            }
            switch (line.charAt(0)) {
                case 'S' -> started = true;
                case 'I' -> log.info(text);
                case 'W' -> log.warn(text);
                case 'E' -> log.error(text);
                case 'D' -> log.debug(text);
                case 'X' -> error = Optional.of(text);
                case 'P' -> ended = true;
                case 'Z' -> status = parseStatus(text);
                case 'F' -> {
                    ended = true;
                    failure = Optional.of(text);
                }
                default -> other(line);
            }
        }

        private static OptionalInt parseStatus(String text) {
            try {
                return OptionalInt.of(Integer.parseInt(text));
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }

        private void other(String line) {
            if (line.isBlank()) {
                return;
            }
            lastOther = Optional.of(line);
            if (started) {
                log.warn("xenacpi: forked JVM: " + line);
            } else {
                beforeStart.add(line);
            }
        }

        /**
         * What the JVM said before the child's main started (kept, not logged: a JVM that refuses a class-data
         * archive says why, and is started again without it).
         */
        List<String> beforeStart() {
            return List.copyOf(beforeStart);
        }

        /** The protocol's lines read so far, as the child wrote them (a JVM's own lines left out). */
        List<String> transcript() {
            return List.copyOf(transcript);
        }

        boolean started() {
            return started;
        }

        boolean ended() {
            return ended;
        }

        Optional<String> failure() {
            return failure;
        }

        Optional<String> error() {
            return error;
        }

        Optional<String> lastOther() {
            return lastOther;
        }

        /** The exit status a daemon said its job ended with; empty from a JVM of its own, or a daemon that died. */
        OptionalInt status() {
            return status;
        }
    }
}
