package dev.revcycle.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Sends the same kind of request from several clients at once, as two front desks would. */
public final class Concurrently {
    private static final long TIMEOUT_SECONDS = 60;

    private Concurrently() {
    }

    /**
     * Runs {@code times} calls at the same time and waits (at most a minute) for all of them.
     *
     * @param call the i-th call (0-based), e.g. a request answering its status code
     * @return the results, in the order of the calls
     */
    public static <T> List<T> run(int times, IntFunction<T> call) {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        try {
            List<Callable<T>> calls = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                int index = i;
                calls.add(() -> call.apply(index));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> result : pool.invokeAll(calls, TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                results.add(result.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a concurrent call failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
