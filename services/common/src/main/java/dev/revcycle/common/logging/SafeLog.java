package dev.revcycle.common.logging;

/**
 * Describes a failure for the log without its messages: exception messages routinely quote data
 * (a SQL parameter, a JSON value, a name) and a log must never carry PHI.
 */
public final class SafeLog {
    private static final int FRAMES = 8;

    private SafeLog() {
    }

    /**
     * The chain of exception classes; with their messages only for infrastructure exceptions whose
     * messages describe connections and configuration, never data (Kafka's).
     */
    public static String chain(Throwable error) {
        StringBuilder out = new StringBuilder();
        Throwable current = error;
        for (int depth = 0; current != null && depth < 6; depth++) {
            if (depth > 0) {
                out.append(" <- ");
            }
            out.append(current.getClass().getName());
            if (current.getClass().getName().startsWith("org.apache.kafka.") && current.getMessage() != null) {
                out.append(": ").append(current.getMessage());
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return out.toString();
    }

    public static String describe(Throwable error) {
        StringBuilder out = new StringBuilder();
        Throwable current = error;
        int depth = 0;
        while (current != null && depth < 6) {
            if (depth > 0) {
                out.append(" <- caused by ");
            }
            out.append(current.getClass().getName());
            StackTraceElement[] stack = current.getStackTrace();
            for (int i = 0; i < Math.min(FRAMES, stack.length); i++) {
                out.append("\n\tat ").append(stack[i]);
            }
            current = current.getCause() == current ? null : current.getCause();
            depth++;
        }
        return out.toString();
    }
}
