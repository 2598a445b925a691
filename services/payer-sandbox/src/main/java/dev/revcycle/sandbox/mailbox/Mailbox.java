package dev.revcycle.sandbox.mailbox;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The clearinghouse mailbox: every answer file (999, 277CA, 835) kept in a directory, so that it survives a
 * restart and cursors stay valid.
 *
 * <p>Each file is two entries in {@code <dir>/files}: {@code <cursor>.x12} (the raw X12) and
 * {@code <cursor>.properties} (id, type, submitter, createdAt, size). Both are written to a temporary file and
 * moved into place, the properties last: a file is in the mailbox once its properties exist, so a crash
 * half-way leaves nothing half-visible. Cursors are handed out under one lock, one higher than any seen.
 */
public final class Mailbox {

    private static final String X12 = ".x12";
    private static final String META = ".properties";

    private final Path files;
    private final Clock clock;
    private final ConcurrentSkipListMap<Long, MailboxFile> byCursor = new ConcurrentSkipListMap<>();
    private final Map<String, MailboxFile> byId = new ConcurrentHashMap<>();
    private long lastCursor;

    public Mailbox(Path dataDir, Clock clock) {
        this.files = dataDir.resolve("files");
        this.clock = clock;
        try {
            Files.createDirectories(files);
            load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the mailbox directory", e);
        }
    }

    private void load() throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(files, "*" + META)) {
            for (Path entry : entries) {
                Properties p = new Properties();
                try (Reader in = Files.newBufferedReader(entry, StandardCharsets.UTF_8)) {
                    p.load(in);
                }
                MailboxFile file = new MailboxFile(p.getProperty("id"), Long.parseLong(p.getProperty("cursor")),
                        p.getProperty("type"), p.getProperty("submitter"), Instant.parse(p.getProperty("createdAt")),
                        Long.parseLong(p.getProperty("size")));
                index(file);
            }
        }
        // A cursor whose x12 was written but whose properties were not (a crash) is skipped, never reused.
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(files, "*" + X12)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                try {
                    lastCursor = Math.max(lastCursor, Long.parseLong(name.substring(0, name.length() - X12.length())));
                } catch (NumberFormatException e) {
                    // not ours
                }
            }
        }
    }

    private void index(MailboxFile file) {
        byCursor.put(file.cursor(), file);
        byId.put(file.id(), file);
        lastCursor = Math.max(lastCursor, file.cursor());
    }

    /** Puts a file in the submitter's mailbox and answers what it was filed as. */
    public synchronized MailboxFile put(String type, String submitter, String x12) {
        long cursor = lastCursor + 1;
        byte[] bytes = x12.getBytes(StandardCharsets.UTF_8);
        MailboxFile file = new MailboxFile(UUID.randomUUID().toString(), cursor, type, submitter,
                clock.instant(), bytes.length);
        String name = String.format("%012d", cursor);
        try {
            writeAtomically(files.resolve(name + X12), bytes);
            Properties p = new Properties();
            p.setProperty("id", file.id());
            p.setProperty("cursor", String.valueOf(cursor));
            p.setProperty("type", type);
            p.setProperty("submitter", submitter);
            p.setProperty("createdAt", file.createdAt().toString());
            p.setProperty("size", String.valueOf(file.size()));
            java.io.StringWriter text = new java.io.StringWriter();
            try (Writer out = text) {
                p.store(out, null);
            }
            writeAtomically(files.resolve(name + META), text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            lastCursor = cursor; // never hand the same cursor out twice, even after a failed write
            throw new UncheckedIOException("cannot write to the mailbox", e);
        }
        index(file);
        return file;
    }

    /** Files after the cursor, in cursor order, of one submitter (null: everyone's), at most {@code limit}. */
    public List<MailboxFile> list(long after, String submitter, int limit) {
        List<MailboxFile> page = new ArrayList<>();
        for (MailboxFile file : byCursor.tailMap(after, false).values()) {
            if (submitter == null || submitter.equals(file.submitter())) {
                page.add(file);
                if (page.size() >= limit) {
                    break;
                }
            }
        }
        return page;
    }

    public Optional<MailboxFile> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** The raw X12 of a file. */
    public Optional<String> content(String id) {
        return find(id).map(file -> {
            try {
                return Files.readString(files.resolve(String.format("%012d", file.cursor()) + X12),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a mailbox file", e);
            }
        });
    }

    private void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(files, ".incoming-", ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
