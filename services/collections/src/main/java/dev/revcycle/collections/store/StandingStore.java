package dev.revcycle.collections.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Where accounts stand in statements, plans and placement, for many accounts in one statement. */
@ApplicationScoped
public class StandingStore {
    static final String STANDINGS = """
            SELECT a.id, a.practice_id, d.level,
                s.id AS statement_id, s.statement_date, s.level AS statement_level, s.amount_due, s.due_date,
                pp.id AS plan_id, pp.status AS plan_status, pp.installment_amount, pp.frequency, pp.next_due_date,
                pp.total_amount, pp.paid, pp.first_due_date,
                pl.id AS placement_id, pb.agency_name, pl.agency_id, pl.placed_on, pl.amount AS placed_amount
            FROM account a
            LEFT JOIN account_dunning d ON d.account_id = a.id
            LEFT JOIN statement s ON s.id = d.last_statement_id
            LEFT JOIN payment_plan pp ON pp.account_id = a.id AND pp.status IN ('ACTIVE', 'LAPSED')
            LEFT JOIN placement pl ON pl.account_id = a.id AND pl.recalled_at IS NULL
            LEFT JOIN placement_batch pb ON pb.id = pl.batch_id
            WHERE a.id = ANY (?) AND (d.account_id IS NOT NULL OR pp.id IS NOT NULL OR pl.id IS NOT NULL)""";

    @Inject
    Jdbc jdbc;

    public record Row(UUID accountId, String practiceId, String level, UUID statementId, LocalDate statementDate,
                      String statementLevel, BigDecimal amountDue, LocalDate dueDate, UUID planId, String planStatus,
                      BigDecimal installmentAmount, String frequency, LocalDate nextDueDate, BigDecimal totalAmount,
                      BigDecimal paid, LocalDate firstDueDate, UUID placementId, String agencyName, String agencyId,
                      LocalDate placedOn, BigDecimal placedAmount) {
    }

    public List<Row> of(UUID[] accounts) {
        return jdbc.list(STANDINGS, rs -> new Row(Jdbc.uuid(rs, "id"), rs.getString("practice_id"), rs.getString("level"),
                Jdbc.uuid(rs, "statement_id"), Jdbc.date(rs, "statement_date"), rs.getString("statement_level"),
                rs.getBigDecimal("amount_due"), Jdbc.date(rs, "due_date"), Jdbc.uuid(rs, "plan_id"), rs.getString("plan_status"),
                rs.getBigDecimal("installment_amount"), rs.getString("frequency"), Jdbc.date(rs, "next_due_date"),
                rs.getBigDecimal("total_amount"), rs.getBigDecimal("paid"), Jdbc.date(rs, "first_due_date"),
                Jdbc.uuid(rs, "placement_id"), rs.getString("agency_name"), rs.getString("agency_id"), Jdbc.date(rs, "placed_on"),
                rs.getBigDecimal("placed_amount")), (Object) accounts);
    }
}
