package dev.revcycle.claims.store;

import dev.revcycle.claims.app.SubmissionBatchView;
import dev.revcycle.claims.x12.AcknowledgementDecisions.SentTransaction;
import dev.revcycle.claims.x12.Claim837Writer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** submission_batch and its transactions and claims (V30); acknowledgement_file. */
@ApplicationScoped
public class SubmissionBatchRepository {


    @Inject
    EntityManager em;

    /**
     * Of these claims, those in a batch still SENDING (another submission between its two transactions). Locks
     * each claim (advisory, sorted, until the transaction ends) first, so that two submissions of one claim
     * cannot both pass.
     */
    public List<UUID> lockAndFindInFlight(List<UUID> claimIds) {
        claimIds.stream().sorted().forEach(id -> dev.revcycle.common.db.AdvisoryLocks.lockForTransaction(em, "claim-submission|" + id));
        @SuppressWarnings("unchecked")
        List<UUID> inFlight = (List<UUID>) em.createNativeQuery("""
                SELECT bc.claim_id FROM submission_batch_claim bc JOIN submission_batch b ON b.id = bc.batch_id
                WHERE bc.claim_id = ANY(CAST(:ids AS uuid[])) AND b.status = 'SENDING'""", UUID.class)
                .setParameter("ids", "{" + String.join(",", claimIds.stream().map(UUID::toString).toList()) + "}")
                .getResultList();
        return inFlight;
    }

    public long nextControlNumber() {
        return ((Number) em.createNativeQuery("SELECT nextval('x12_control_number')").getSingleResult()).longValue();
    }

    public void insert(UUID id, String practiceId, Claim837Writer.Written written, BigDecimal total, String createdBy,
                       Instant now) {
        em.createNativeQuery("""
                INSERT INTO submission_batch (id, practice_id, status, interchange_number, x12, claim_count, total_charge,
                                              created_by, created_at, version)
                VALUES (:id, :practice, 'SENDING', :isa13, :x12, :count, :total, :by, :now, 1)""")
                .setParameter("id", id).setParameter("practice", practiceId)
                .setParameter("isa13", written.interchangeControlNumber()).setParameter("x12", written.x12())
                .setParameter("count", written.transactions().stream().mapToInt(t -> t.claimIds().size()).sum())
                .setParameter("total", total).setParameter("by", createdBy).setParameter("now", Timestamp.from(now))
                .executeUpdate();
        int position = 0;
        for (Claim837Writer.WrittenTransaction t : written.transactions()) {
            em.createNativeQuery("""
                    INSERT INTO submission_batch_transaction (batch_id, group_number, transaction_number, claim_type)
                    VALUES (:id, :gs06, :st02, :type)""")
                    .setParameter("id", id).setParameter("gs06", t.groupControlNumber())
                    .setParameter("st02", t.transactionControlNumber()).setParameter("type", t.type().name()).executeUpdate();
            for (UUID claimId : t.claimIds()) {
                em.createNativeQuery("""
                        INSERT INTO submission_batch_claim (batch_id, claim_id, group_number, transaction_number, position)
                        VALUES (:id, :claim, :gs06, :st02, :pos)""")
                        .setParameter("id", id).setParameter("claim", claimId).setParameter("gs06", t.groupControlNumber())
                        .setParameter("st02", t.transactionControlNumber()).setParameter("pos", ++position).executeUpdate();
            }
        }
    }

    /** @return false when the batch is no longer SENDING (the sweeper resolved it first) */
    public boolean markSent(UUID id, List<String> fileIds, Instant now) {
        return em.createNativeQuery("""
                UPDATE submission_batch SET status = 'SENT', clearinghouse_file_ids = CAST(:files AS text[]), sent_at = :now,
                                            version = version + 1 WHERE id = :id AND status = 'SENDING'""")
                .setParameter("files", "{" + String.join(",", fileIds.stream().map(f -> "\"" + f.replace("\"", "") + "\"").toList()) + "}")
                .setParameter("now", Timestamp.from(now)).setParameter("id", id).executeUpdate() == 1;
    }

    /** @return false when the batch is no longer SENDING */
    public boolean markFailed(UUID id, String failure) {
        return em.createNativeQuery("UPDATE submission_batch SET status = 'FAILED', failure = :failure, version = version + 1"
                        + " WHERE id = :id AND status = 'SENDING'")
                .setParameter("failure", failure).setParameter("id", id).executeUpdate() == 1;
    }

    static final String STALE_SENDING = "SELECT id, interchange_number FROM submission_batch WHERE status = 'SENDING' AND sent_at IS NULL"
            + " AND created_at < ? ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED";

    /** A batch SENDING since before {@code before}, locked (another sweeper skips it); null when there is none. */
    public StaleBatch lockOneStale(Instant before) {
        List<?> rows = em.createNativeQuery(STALE_SENDING.replace("?", ":before"))
                .setParameter("before", Timestamp.from(before)).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = (Object[]) rows.get(0);
        UUID id = (UUID) r[0];
        @SuppressWarnings("unchecked")
        List<UUID> claims = (List<UUID>) em.createNativeQuery(
                "SELECT claim_id FROM submission_batch_claim WHERE batch_id = :id ORDER BY position", UUID.class)
                .setParameter("id", id).getResultList();
        return new StaleBatch(id, ((Number) r[1]).longValue(), claims);
    }

    public record StaleBatch(UUID id, long interchangeNumber, List<UUID> claimIds) {
    }

    public Optional<SubmissionBatchView> find(UUID id) {
        List<?> rows = em.createNativeQuery("""
                SELECT id, practice_id, status, interchange_number, claim_count, total_charge, failure,
                       array_to_string(clearinghouse_file_ids, ','), created_by, created_at, sent_at
                FROM submission_batch WHERE id = :id""").setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        @SuppressWarnings("unchecked")
        List<UUID> claims = (List<UUID>) em.createNativeQuery(
                "SELECT claim_id FROM submission_batch_claim WHERE batch_id = :id ORDER BY position", UUID.class)
                .setParameter("id", id).getResultList();
        String files = (String) r[7];
        return Optional.of(new SubmissionBatchView((UUID) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                ((Number) r[4]).intValue(), (BigDecimal) r[5], (String) r[6],
                files == null || files.isEmpty() ? List.of() : Arrays.asList(files.split(",")), (String) r[8],
                instant(r[9]), instant(r[10]), claims));
    }

    public Optional<String> x12(UUID id) {
        List<?> rows = em.createNativeQuery("SELECT x12 FROM submission_batch WHERE id = :id").setParameter("id", id)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }

    /** Our 837 transactions in the group a 999 names (GS06 is unique: it comes from the sequence). */
    public List<SentTransaction> transactionsOfGroup(long groupNumber) {
        List<?> rows = em.createNativeQuery("""
                SELECT bc.transaction_number, bc.claim_id FROM submission_batch_claim bc
                JOIN submission_batch b ON b.id = bc.batch_id AND b.status = 'SENT'
                WHERE bc.group_number = :gs06 ORDER BY bc.transaction_number, bc.position""")
                .setParameter("gs06", groupNumber).setMaxResults(10_001).getResultList();
        List<SentTransaction> out = new ArrayList<>();
        String current = null;
        List<UUID> claims = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            if (current != null && !current.equals(r[0])) {
                out.add(new SentTransaction(groupNumber, current, claims));
                claims = new ArrayList<>();
            }
            current = (String) r[0];
            claims.add((UUID) r[1]);
        }
        if (current != null) {
            out.add(new SentTransaction(groupNumber, current, claims));
        }
        return out;
    }

    /** Records an acknowledgement file by digest; false when it was recorded before (the same file again). */
    public boolean recordAcknowledgement(String digest, String type, String sender, String isa13, String source,
                                         String by, Instant now) {
        return em.createNativeQuery("""
                INSERT INTO acknowledgement_file (digest, file_type, sender_id, interchange_number, source, decisions,
                                                  received_by, received_at)
                VALUES (:digest, :type, :sender, :isa13, :source, 0, :by, :now) ON CONFLICT (digest) DO NOTHING""")
                .setParameter("digest", digest).setParameter("type", type).setParameter("sender", sender)
                .setParameter("isa13", isa13).setParameter("source", source).setParameter("by", by)
                .setParameter("now", Timestamp.from(now)).executeUpdate() == 1;
    }

    public void acknowledgementOutcome(String digest, int decisions, List<String> unmatched) {
        em.createNativeQuery("""
                UPDATE acknowledgement_file SET decisions = :n, unmatched = string_to_array(:unmatched, '|')
                WHERE digest = :digest""")
                .setParameter("n", decisions).setParameter("unmatched", String.join("|", unmatched))
                .setParameter("digest", digest).executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        return ((java.time.OffsetDateTime) value).toInstant();
    }
}
