package dev.revcycle.sandbox.claims;

/** One file the clearinghouse answers with: its type (999, 277CA, 835) and its X12 text. */
public record AnswerFile(String type, String x12) {
    @Override
    public String toString() {
        return "AnswerFile[" + type + ", " + x12.length() + " characters]";
    }
}
