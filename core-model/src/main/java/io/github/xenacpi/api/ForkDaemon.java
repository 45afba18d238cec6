package io.github.xenacpi.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The forked validation kept alive between builds, as Gradle keeps its daemon: a JVM started once with the goal's
 * flags and class path listens on a Unix domain socket in the class-data folder's {@code daemons} folder (open to
 * its owner alone) and runs each job a build sends it,
 * already loaded and compiled, until it has waited its idle time for the next one. One daemon per JVM, class path
 * and flags (named by their digest: a rebuilt plugin gets a new one, the old one idles out). A job goes over the
 * socket as the path of its job file; the daemon answers with the lines of {@link ForkProtocol}, the exit status
 * last. Jobs run at once on threads of their own. Whatever goes wrong with a daemon (none can start, it does not
 * listen, it ends during a job) leaves the build to a JVM of its own, as without one.
 */
final class ForkDaemon {

    /** The child's first argument that makes it a daemon; then the socket's path and the idle time in ms. */
    static final String ARGUMENT = "--daemon";

    /** The daemons' folder inside the class-data folder: sockets and logs, open to their owner alone. */
    static final String FOLDER = "daemons";

    /** How long a build waits for a daemon it started to listen before it forks a JVM for the run. */
    private static final Duration START = Duration.ofSeconds(30);

    /** The longest socket path Linux and macOS bind (their {@code sun_path} holds 108 and 104 bytes with the NUL). */
    static final int MAX_SOCKET_PATH = 103;

    private ForkDaemon() {}

    /**
     * Runs the job in the daemon of this JVM, class path and flags, started first when none listens; empty when
     * no daemon served it to the end (the caller forks a JVM for it).
     */
    static Optional<ForkedValidation.Child> run(ForkedValidation.Jvm jvm, Path jobFile, RunLog log) {
        Path folder = jvm.classDataFolder().orElseThrow().toAbsolutePath().resolve(FOLDER);
        Path socket = folder.resolve("daemon-" + key(jvm) + ".sock");
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            log.warn("xenacpi: no validation daemon: its socket " + socket + " would be longer than the "
                    + MAX_SOCKET_PATH + " bytes a Unix domain socket's path may have; set xenacpi.classDataFolder to a"
                    + " shorter folder");
            return Optional.empty();
        }
        Optional<SocketChannel> channel = connect(socket);
        if (channel.isEmpty()) {
            channel = start(jvm, folder, socket, log);
        }
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        ForkProtocol.Reader reader = new ForkProtocol.Reader(log);
        try (SocketChannel c = channel.get()) {
            OutputStream out = Channels.newOutputStream(c);
            out.write((jobFile.toAbsolutePath() + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(Channels.newInputStream(c), StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                reader.line(line);
            }
            if (reader.status().isPresent()) {
                return Optional.of(new ForkedValidation.Child(reader.status().getAsInt(), reader));
            }
            lost(reader, socket, "it ended during the run", log);
        } catch (IOException e) {
            lost(reader, socket, e.getMessage(), log);
        }
        return Optional.empty();
    }

    /**
     * Says that the daemon was lost: a warning once it had begun the job (its lines so far are in the log, and the
     * JVM of its own says them again), at DEBUG before (a daemon that was closing as the build connected).
     */
    private static void lost(ForkProtocol.Reader reader, Path socket, String why, RunLog log) {
        String line =
                "xenacpi: lost the validation daemon " + socket + " (" + why + "); validating in a JVM of its own";
        if (reader.started()) {
            log.warn(line);
        } else {
            log.debug(line);
        }
    }

    /** A connection to the daemon listening on the socket; empty when none does (or sockets are unsupported). */
    private static Optional<SocketChannel> connect(Path socket) {
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SocketChannel.open(UnixDomainSocketAddress.of(socket)));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Starts a daemon (its output to a log file beside the socket) and connects once it listens; empty when it
     * cannot be started, ends first, or does not listen in time.
     */
    private static Optional<SocketChannel> start(ForkedValidation.Jvm jvm, Path folder, Path socket, RunLog log) {
        List<String> command = jvm.command(
                ClassDataArchive.existing(jvm.classPath(), jvm.classDataFolder()),
                List.of(
                        ARGUMENT,
                        socket.toString(),
                        Long.toString(jvm.daemonIdle().orElseThrow().toMillis())));
        Path logFile = Path.of(socket + ".log");
        Process process;
        try {
            privateFolder(folder);
            log.debug("xenacpi: starting the validation daemon " + String.join(" ", command));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            process.getOutputStream().close();
        } catch (IOException e) {
            log.debug("xenacpi: cannot start the validation daemon: " + e.getMessage());
            return Optional.empty();
        }
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<SocketChannel> channel = connect(socket);
            if (channel.isPresent()) {
                return channel;
            }
            if (!process.isAlive()) {
                log.debug("xenacpi: the validation daemon ended with status " + process.exitValue()
                        + " before it listened; its log is " + logFile);
                return Optional.empty();
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        log.debug("xenacpi: the validation daemon did not listen on " + socket + " within " + START.toSeconds() + " s");
        return Optional.empty();
    }

    /**
     * Makes the daemons' folder, readable and writable by its owner alone where the file system has POSIX
     * permissions (so that only the user who runs the builds can reach a daemon's socket and hand it a job).
     */
    private static void privateFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        if (Files.getFileAttributeView(folder, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** The digest naming the daemon of this JVM, class path and flags. */
    static String key(ForkedValidation.Jvm jvm) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String text =
                    jvm.java() + "\n" + ClassDataArchive.key(jvm.classPath()) + "\n" + String.join("\n", jvm.flags());
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * The daemon's side ({@code --daemon SOCKET IDLE_MS}): listens until it has been idle that long, and returns
     * the JVM's exit status (0 also when another daemon already listens on the socket).
     */
    static int serve(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: " + ARGUMENT + " SOCKET IDLE_MILLISECONDS");
            return 2;
        }
        Path socket = Path.of(args[1]);
        long idle = Long.parseLong(args[2]);
        ServerSocketChannel server;
        try {
            server = listen(socket);
        } catch (IOException | UnsupportedOperationException e) {
            System.err.println("xenacpi daemon: cannot listen on " + socket + ": " + e.getMessage());
            return 1;
        }
        if (server == null) {
            return 0;
        }
        AtomicInteger busy = new AtomicInteger();
        AtomicLong last = new AtomicLong(System.nanoTime());
        Thread watch = new Thread(() -> watch(server, socket, idle, busy, last), "xenacpi-daemon-idle");
        watch.setDaemon(true);
        watch.start();
        while (server.isOpen()) {
            SocketChannel c;
            try {
                c = server.accept();
            } catch (IOException e) {
                break;
            }
            busy.incrementAndGet();
            Thread job = new Thread(
                    () -> {
                        try {
                            answer(c);
                        } catch (Error e) {
                            // Out of memory or worse: the build sees the daemon end and forks a JVM; the next one
                            // starts a new daemon.
                            System.err.println("xenacpi daemon: " + ValidationException.describe(e));
                            Runtime.getRuntime().halt(1);
                        } finally {
                            last.set(System.nanoTime());
                            busy.decrementAndGet();
                        }
                    },
                    "xenacpi-daemon-job");
            job.start();
        }
        return 0;
    }

    /** Binds the socket; null when another daemon listens there already. A socket left by a dead one is replaced. */
    private static ServerSocketChannel listen(Path socket) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            return server;
        } catch (BindException e) {
            Optional<SocketChannel> other = connect(socket);
            if (other.isPresent()) {
                other.get().close();
                server.close();
                return null;
            }
            Files.deleteIfExists(socket);
            server.bind(UnixDomainSocketAddress.of(socket));
            return server;
        }
    }

    /** Ends the daemon once it has been idle for {@code idle} ms, or when its socket was removed or replaced. */
    private static void watch(ServerSocketChannel server, Path socket, long idle, AtomicInteger busy, AtomicLong last) {
        Object inode = inode(socket);
        while (true) {
            try {
                Thread.sleep(Math.min(idle, 1000));
            } catch (InterruptedException e) {
                return;
            }
            Object now = inode(socket);
            boolean gone = !Files.exists(socket, LinkOption.NOFOLLOW_LINKS) || (inode != null && !inode.equals(now));
            if (gone || (busy.get() == 0 && System.nanoTime() - last.get() > idle * 1_000_000L)) {
                try {
                    server.close();
                    if (!gone) {
                        Files.deleteIfExists(socket);
                    }
                } catch (IOException e) {
                    System.err.println("xenacpi daemon: cannot remove " + socket + ": " + e.getMessage());
                }
                System.exit(0);
            }
        }
    }

    /** The file key of the socket, to see that it is still this daemon's; null when it is gone or has none. */
    private static Object inode(Path socket) {
        try {
            return Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** Runs the job a build sent and says how it went, the exit status last. */
    private static void answer(SocketChannel c) {
        try (c) {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(Channels.newInputStream(c), StandardCharsets.UTF_8));
            String jobFile = in.readLine();
            PrintStream out = new PrintStream(Channels.newOutputStream(c), true, StandardCharsets.UTF_8);
            ForkProtocol.Writer protocol = new ForkProtocol.Writer(out);
            protocol.started();
            int status = jobFile == null ? ForkedValidation.EXIT_FAILED : ForkedValidation.job(jobFile, protocol);
            protocol.status(status);
            out.flush();
        } catch (IOException e) {
            System.err.println("xenacpi daemon: lost a build: " + e.getMessage());
        }
    }
}
