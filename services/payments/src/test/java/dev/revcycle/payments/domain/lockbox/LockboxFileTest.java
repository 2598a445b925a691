package dev.revcycle.payments.domain.lockbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LockboxFileTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final String HEADER = "lockbox,deposit_date,batch_id,item_id,account_id,amount,check_number,payer_name\n";
    static final UUID A = UUID.fromString("6f1c2b9e-8d4a-4e53-9a0e-2f6b7c1d3e40");

    static LockboxFile read(String text) {
        return LockboxFile.read(text.getBytes(StandardCharsets.UTF_8), TODAY);
    }

    static LockboxFile.Problem refused(String text) {
        LockboxFile.Malformed m = catchThrowableOfType(() -> read(text), LockboxFile.Malformed.class);
        assertThat(m).as("refused").isNotNull();
        return m.problems().get(0);
    }

    @Test
    void readsQuotedValuesBothDateFormsAndCrlf() {
        LockboxFile f = read("\uFEFF" + HEADER.replace("\n", "\r\n")
                + "4471,2026-11-30,001,0001," + A + ",125.00,10234,\"Smith, \"\"Jo\"\"\"\r\n"
                + "4471,11/30/2026,001,0002," + A + ",40,,\r\n\r\n");
        assertThat(f.items()).hasSize(2);
        LockboxFile.Item first = f.items().get(0);
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.payerName()).isEqualTo("Smith, \"Jo\"");
        assertThat(first.amount()).isEqualTo(new BigDecimal("125.00"));
        assertThat(first.key()).isEqualTo("4471:2026-11-30:001:0001");
        assertThat(f.items().get(1).depositDate()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(f.items().get(1).amount()).isEqualTo(new BigDecimal("40.00"));
        assertThat(f.items().get(1).checkNumber()).isNull();
        assertThat(first.toString()).doesNotContain("Smith");
    }

    @Test
    void aQuotedValueOverTwoLinesKeepsTheLineNumbersOfWhatFollows() {
        String text = HEADER + "4471,2026-11-30,001,0001," + A + ",1.00,1,\"two\nlines\"\n"
                + "4471,2026-11-30,001,0002," + A + ",1.001,2,x\n";
        LockboxFile.Malformed m = catchThrowableOfType(() -> read(text), LockboxFile.Malformed.class);
        assertThat(m.problems()).containsExactly(
                new LockboxFile.Problem(2, "payer_name", "must be at most 100 characters, without line breaks"),
                new LockboxFile.Problem(4, "amount", "must be an amount in dollars with at most two decimals, e.g. 125.50"));
    }

    @Test
    void everyMalformedVariantNamesLineAndColumn() {
        String good = "4471,2026-11-30,001,0001," + A + ",1.00,1,x\n";
        assertThat(refused(HEADER + good + good.replace("1.00", "1.005"))).isEqualTo(new LockboxFile.Problem(3, "amount",
                "must be an amount in dollars with at most two decimals, e.g. 125.50"));
        assertThat(refused(HEADER + good.replace("1.00", "0.00")).column()).isEqualTo("amount");
        assertThat(refused(HEADER + good.replace("1.00", "-5.00")).message()).startsWith("must be positive");
        assertThat(refused(HEADER + good.replace("1.00", "1,000.00")).message()).contains("values");
        assertThat(refused(HEADER + good.replace("2026-11-30", "2026-02-30")).column()).isEqualTo("deposit_date");
        assertThat(refused(HEADER + good.replace("2026-11-30", "2027-01-30")).message()).isEqualTo("is in the future");
        assertThat(refused(HEADER + good.replace(A.toString(), "12345"))).isEqualTo(new LockboxFile.Problem(2, "account_id",
                "must be a UUID (the account or patient id on the statement)"));
        assertThat(refused(HEADER + good.replace(",x", ",\"x")))
                .isEqualTo(new LockboxFile.Problem(2, "payer_name", "a quoted value is not closed"));
        assertThat(refused(HEADER + good.replace(",x", ",x\"y")))
                .isEqualTo(new LockboxFile.Problem(2, "payer_name", "a quote inside an unquoted value (quote the whole value)"));
        assertThat(refused(HEADER + good.replace(",x", ",\"x\"y")).column()).isEqualTo("payer_name");
        assertThat(refused(HEADER + good.replace(",x", ""))).isEqualTo(new LockboxFile.Problem(2, "payer_name",
                "the line has 7 values, the header 8"));
        assertThat(refused(HEADER + good.replace(",001,", ",,")).column()).isEqualTo("batch_id");
        assertThat(refused(HEADER + good.replace(A.toString(), "")).column()).isEqualTo("account_id");
        assertThat(refused(HEADER.replace("payer_name", "routing_number") + good))
                .satisfies(p -> assertThat(p.line()).isEqualTo(1)).satisfies(p -> assertThat(p.column()).isEqualTo("#8"));
        assertThat(refused(HEADER.replace("item_id,", "") + good.replace("0001,", ""))).isEqualTo(new LockboxFile.Problem(1,
                "item_id", "is missing from the header (required: batch_id, item_id, deposit_date, amount, and account_id or patient_id)"));
        assertThat(refused("{\"amount\": 5}").line()).isEqualTo(1);
        assertThat(refused("").message()).contains("empty");
        assertThat(refused(HEADER + good.replace("0001", "00 01")).column()).isEqualTo("item_id");
    }

    @Test
    void binaryOrNonUtf8IsRefused() {
        byte[] bytes = (HEADER + "4471,2026-11-30,001,0001," + A + ",1.00,1,x\n").getBytes(StandardCharsets.UTF_8);
        byte[] latin = bytes.clone();
        latin[latin.length - 3] = (byte) 0xE9;
        LockboxFile.Malformed m = catchThrowableOfType(() -> LockboxFile.read(latin, TODAY), LockboxFile.Malformed.class);
        assertThat(m.problems().get(0).line()).isEqualTo(2);
        assertThat(catchThrowableOfType(() -> LockboxFile.read(new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0}, TODAY),
                LockboxFile.Malformed.class).problems().get(0).message()).contains("binary");
    }

    @Test
    void aHeaderAloneIsAnEmptyDeposit() {
        assertThat(read(HEADER).items()).isEmpty();
    }
}
