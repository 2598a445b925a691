package dev.revcycle.collections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.collections.domain.AccountNote;
import dev.revcycle.collections.domain.KnownPatient;
import dev.revcycle.collections.domain.NoteTerms;
import dev.revcycle.collections.domain.PatientFacts;
import dev.revcycle.collections.domain.PostalAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Names, addresses and notes never reach a log through toString. */
class NoPhiInToStringTest {
    @Test
    void patientsAddressesAndNotesAreNotPrinted() {
        PostalAddress address = new PostalAddress("12 Main St", null, "Springfield", "IL", "62704");
        PatientFacts facts = new PatientFacts(UUID.randomUUID(), "p1", "M100000001", "Ana", "Lopez",
                LocalDate.of(1984, 3, 9), address, false, "2175550100", "ana@example.com", "Luis", "Lopez", "SPOUSE",
                address, 1);
        String printed = facts + " " + new KnownPatient(facts, false, null, null) + " " + address;
        assertThat(printed).doesNotContain("Ana").doesNotContain("Lopez").doesNotContain("Main").doesNotContain("1984")
                .doesNotContain("M100000001").doesNotContain("2175550100");
        assertThat(new AccountNote(UUID.randomUUID(), UUID.randomUUID(), "p1", NoteTerms.Kind.CALL, "spoke with Ana Lopez",
                null, null, "x", Instant.now()).toString()).doesNotContain("Ana");
        assertThat(new NoteTerms("CALL", "spoke with Ana", null, null).toString()).doesNotContain("Ana");
    }
}
