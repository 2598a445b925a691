package dev.revcycle.sandbox.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.sandbox.Inquiries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailboxTest {

    @TempDir
    Path dir;

    @Test
    void filesSurviveARestartAndCursorsKeepGrowing() {
        Mailbox first = new Mailbox(dir, Inquiries.CLOCK);
        MailboxFile a = first.put("999", "CLINIC1", "ISA*A~");
        MailboxFile b = first.put("277CA", "CLINIC2", "ISA*B~");

        Mailbox restarted = new Mailbox(dir, Inquiries.CLOCK);
        assertThat(restarted.list(0, null, 100)).containsExactly(a, b);
        assertThat(restarted.list(0, "CLINIC2", 100)).containsExactly(b);
        assertThat(restarted.list(a.cursor(), null, 100)).containsExactly(b);
        assertThat(restarted.content(a.id())).contains("ISA*A~");
        assertThat(restarted.put("835", "CLINIC1", "ISA*C~").cursor()).isEqualTo(b.cursor() + 1);
        assertThat(restarted.find("nope")).isEmpty();
    }

    @Test
    void concurrentPutsGetDistinctIncreasingCursors() throws Exception {
        Mailbox mailbox = new Mailbox(dir, Inquiries.CLOCK);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<MailboxFile>> futures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            futures.add(pool.submit(() -> mailbox.put("999", "S", "ISA*" + n + "~")));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(mailbox.list(0, null, 1000)).extracting(MailboxFile::cursor)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 40).boxed().toList());
        assertThat(mailbox.list(0, null, 10)).hasSize(10);
    }
}
